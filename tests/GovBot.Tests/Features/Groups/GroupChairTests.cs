using GovBot.Features.Groups;
using GovBot.Recognition;
using GovBot.Tests.Bot;
using GovBot.Tests.Recognition;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Groups;

/// <summary>"who chairs DAG": added to the Groups slice alone (docs/architecture.md shows the diff).</summary>
[Collection(StorageCollection.Name)]
public class GroupChairTests(AzuriteFixture azurite)
{
    private static Intent R(string text) => GovBotFeatures.Recogniser.Recognise(text, QuestionRecogniserTests.Ctx);

    [Theory]
    [InlineData("who chairs DAG", "DAG")]
    [InlineData("who is the chair of the design advisory group?", "DAG")]
    [InlineData("CCAG chairperson", "CCAG")]
    [InlineData("who runs SITAG", "SITAG")]
    public void ChairQuestions_NameTheGroup(string text, string code)
    {
        var intent = Assert.IsType<ShowGroupChair>(R(text));
        Assert.Equal(code, intent.GroupCode);
    }

    [Theory]
    [InlineData("what is DAG")]
    [InlineData("DAG")]
    public void AboutAGroup_IsStillTheGroupCard(string text) => Assert.IsType<ShowGroup>(R(text));

    [Fact]
    public void ChairWordsWithoutAGroup_AreNotUnderstoodAsAChairQuestion() =>
        Assert.IsNotType<ShowGroupChair>(R("who chairs"));

    [Fact]
    public async Task WhoChairsDag_NamesTheChairAndSecretariatFromTheDirectory()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var dag = bot.Data.Groups.Single(g => g.Code == "DAG");
        var chair = bot.Data.People.Single(p => p.Id == dag.ChairPersonId);
        var secretariat = bot.Data.People.Single(p => p.Id == dag.SecretariatPersonId);

        var text = BotHarnessText.Of(await bot.AskAsync("who chairs DAG", bot.Person("lee-cox")));

        Assert.Contains("Who chairs DAG", text);
        Assert.Contains($"{chair.Name}", text);
        Assert.Contains("chairs DAG", text);
        Assert.Contains(secretariat.Name, text);
    }

    [Fact]
    public async Task AGroupWithNoChairRecorded_SaysSo_InsteadOfGuessing()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        Assert.Null(bot.Data.Groups.Single(g => g.Code == "SITAG").ChairPersonId);

        var text = BotHarnessText.Of(await bot.AskAsync("who chairs SITAG", bot.Person("lee-cox")));

        Assert.Contains("I don't have a chair recorded for SITAG", text);
    }
}
