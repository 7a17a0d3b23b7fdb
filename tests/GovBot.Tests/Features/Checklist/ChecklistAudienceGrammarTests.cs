using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Reminders;
using GovBot.Recognition;
using GovBot.Tests.Recognition;

namespace GovBot.Tests.Features.Checklist;

public class ChecklistAudienceGrammarTests
{
    private static Intent R(string text) => GovBotFeatures.Recogniser.Recognise(text, QuestionRecogniserTests.Ctx);

    [Theory]
    [InlineData("what do LDSOs need to do this week", "LDSO", true)]
    [InlineData("What do the iDNOs have to do next week?", "iDNO", true)]
    [InlineData("what's due for suppliers", "Supplier", false)]
    [InlineData("anything due for supplier agents in April", "SupplierAgent", true)]
    [InlineData("checklist items for DCC", "DCC", false)]
    [InlineData("deadlines for distribution network operators", "DNO", false)]
    [InlineData("which checklist items concern Elexon", "Elexon", false)]
    [InlineData("what does the DCC need to know", "DCC", false)]
    public void ConstituencyQuestions_AreChecklistQuestionsForThatAudience(string text, string code, bool windowed)
    {
        var intent = Assert.IsType<ListChecklistFor>(R(text));
        Assert.Equal([code], intent.Constituencies);
        Assert.False(intent.Mine);
        Assert.Equal(windowed, intent.Window is not null);
    }

    [Fact]
    public void ThisWeek_IsTheUkWeek()
    {
        var intent = Assert.IsType<ListChecklistFor>(R("what do LDSOs need to do this week"));
        Assert.Equal(new DateRange(new(2026, 11, 23), new(2026, 11, 29)), intent.Window);
    }

    [Theory]
    [InlineData("my checklist items")]
    [InlineData("my checklist")]
    [InlineData("checklist items for my organisation")]
    [InlineData("deadlines that apply to me")]
    public void MyChecklist_IsForTheCallersConstituency(string text) =>
        Assert.True(Assert.IsType<ListChecklistFor>(R(text)).Mine);

    [Theory]
    [InlineData("DCC actions")]
    [InlineData("my open actions")]
    [InlineData("deadlines")]
    public void OtherQuestions_AreNotTaken(string text) =>
        Assert.IsNotType<ListChecklistFor>(R(text));

    [Fact]
    public void PlainDeadlines_StayForEveryone() => Assert.IsType<ListDeadlines>(R("what's due next week"));

    [Theory]
    [InlineData("only checklist items for my constituency", true)]
    [InlineData("checklist reminders for my constituency only", true)]
    [InlineData("just remind me of deadlines for my organisation", true)]
    [InlineData("constituency reminders on", true)]
    [InlineData("turn off constituency filter", false)]
    [InlineData("checklist reminders for all constituencies", false)]
    [InlineData("send me reminders for every checklist item", false)]
    public void ConstituencySetting_IsAReminderCommand(string text, bool enabled) =>
        Assert.Equal(enabled, Assert.IsType<SetChecklistConstituencyOnly>(R(text)).Enabled);

    [Fact]
    public void ChecklistRemindersOff_IsStillTheOldCommand()
    {
        var intent = Assert.IsType<SetReminders>(R("checklist reminders off"));
        Assert.Equal(ReminderKind.Checklist, intent.Kind);
        Assert.False(intent.Enabled);
    }

    [Fact]
    public void ActionsOfAConstituencyPerson_AreStillActions() => Assert.IsType<ListActions>(R("Kate Goodman's actions"));
}
