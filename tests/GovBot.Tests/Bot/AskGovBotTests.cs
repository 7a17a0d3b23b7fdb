using GovBot.Tests.Storage;

namespace GovBot.Tests.Bot;

[Collection(StorageCollection.Name)]
public class AskGovBotTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task MyOpenActions_ForTheDemoOwner_ListsExactlyTheirOpenActions()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var card = BotHarnessText.Of(await bot.AskAsync("my open actions", bot.Person("lee-cox")));

        Assert.Contains("DAG31-08", card);
        Assert.Contains("DAG32-04", card);
        Assert.Contains("DAG33-04", card);
    }
}
