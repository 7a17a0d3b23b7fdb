using GovBot.Cards;
using GovBot.Features.Reminders;
using GovBot.Tests.Cards;

namespace GovBot.Tests.Features.Reminders;

public class ReminderCardTests
{
    [Fact]
    public void PersonalDigest_HasBothSnoozeButtons_WithTheItems()
    {
        var card = CardSamples.All()["reminder-digest-personal"];

        var snoozes = CardJson.Executes(card, ReminderCards.SnoozeVerb);
        Assert.Equal(2, snoozes.Count);
        Assert.Equal(["tomorrow", "monday"], snoozes.Select(s => (string?)s["data"]!["until"]));
        Assert.Equal(3, snoozes[0]["data"]!["items"]!.AsArray().Count);
        Assert.DoesNotContain("late", CardJson.AllText(card), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ChannelDigest_HasNoSnooze_AndSaysWhenItIsLate()
    {
        var card = CardSamples.All()["reminder-digest-channel-late"];

        Assert.Empty(CardJson.Executes(card, ReminderCards.SnoozeVerb));
        var text = CardJson.AllText(card);
        Assert.Contains("This reminder was due at 09:00 and is late because GovBot was unavailable", text);
        Assert.Contains("Participant checklist deadlines", text);
        Assert.Contains("Overdue actions", text);
        Assert.DoesNotContain("<b>", text);
    }

    [Fact]
    public void ReminderCards_AreInTheValidatedSamples()
    {
        var names = CardSamples.All().Keys.Where(k => k.StartsWith("reminder-", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, names.Count);
        Assert.All(names, n => Assert.Empty(TeamsCardLint.Check(CardSamples.All()[n])));
    }
}
