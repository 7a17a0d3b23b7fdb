using System.Text.Json.Nodes;
using GovBot.Tests.Bot;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Search;

/// <summary>
/// The questions, asked through /api/messages as a member would on the sample data (6 March 2024): each gets
/// the right answer first, with its source. Before search they all got "Sorry, I didn't understand that".
/// </summary>
[Collection(StorageCollection.Name)]
public class SearchThroughBotTests(AzuriteFixture azurite)
{
    /// <summary>The results on a search card, in order: the "Kind · **title**" line and the "Source: …" line of each.</summary>
    private static List<(string Title, string Source)> Results(JsonObject card)
    {
        var results = new List<(string, string)>();
        foreach (var container in card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]?.GetValue<string>() == "Container"))
        {
            var texts = container["items"]!.AsArray().OfType<JsonObject>().Select(i => i["text"]?.GetValue<string>()).OfType<string>().ToList();
            results.Add((texts[0], texts.Single(t => t.StartsWith("Source: ", StringComparison.Ordinal))["Source: ".Length..]));
        }
        return results;
    }

    [Theory]
    [InlineData("when does the pre-qualification submission close")]
    [InlineData("pre-qualification")]
    public async Task PreQualification_TheChecklistDeadlineFirst_CitingTheChecklistItem(string question)
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var card = await bot.AskAsync(question, bot.Person("lee-cox"));

        var first = Results(card)[0];
        Assert.Equal("Deadline · **Make the pre-qualification submission.**", first.Title);
        Assert.Equal("DAG 34 papers · Participant Checklist · item 6", first.Source);
        Assert.Contains("Deadline Fri 26 Apr 2024 (51 days left)", BotHarnessText.Of(card));
    }

    [Fact]
    public async Task WhatsHappeningNextWeek_MeetingsEventsAndDeadlinesTogether_DayByDay()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var card = await bot.AskAsync("what's happening next week", bot.Person("lee-cox"));
        var text = BotHarnessText.Of(card);

        Assert.Contains("Monday 11 March 2024 – Sunday 17 March 2024", text);
        var results = Results(card);
        Assert.Equal(("Meeting · **Extraordinary SITAG meeting**", "Extraordinary SITAG meeting agenda"), results[0]);
        // The webinar (an event from the papers), the DAG meeting and a checklist deadline, each with its source.
        Assert.Contains(("Event · **MHHS Webinar: Change of Supplier process**", "DAG 34 papers"), results);
        Assert.Contains(("Meeting · **DAG 34 meeting**", "DAG 34 agenda"), results);
        Assert.Contains(results, r => r.Title.StartsWith("Deadline · **Respond to the MHHS supply, distribution and transmission licence review", StringComparison.Ordinal)
            && r.Source == "DAG 34 papers · Participant Checklist · item 3");
        Assert.DoesNotContain(results, r => r.Title.Contains("pre-qualification", StringComparison.Ordinal)); // 26 April: not next week
    }

    [Fact]
    public async Task WhoIsThePmo_ThePmoPeople_FromTheDirectory()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var card = await bot.AskAsync("who is the PMO", bot.Person("lee-cox"));

        var results = Results(card);
        Assert.Equal(("Person · **Daniel Okoro**", "Governance directory · people"), results[0]);
        Assert.Equal(("Person · **Priya Patel**", "Governance directory · people"), results[1]);
        Assert.Contains("Programme Management Office", BotHarnessText.Of(card));
    }

    [Fact]
    public async Task WhatsDueForLdsos_TheirChecklistDeadlines_CitingTheChecklist()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var text = BotHarnessText.Of(await bot.AskAsync("what's due for LDSOs", bot.Person("lee-cox")));

        Assert.Contains("for LDSOs (Licensed Distribution System Operators)", text);
        var first = text.IndexOf("**Friday 8 March 2024** – 2 days left", StringComparison.Ordinal);
        Assert.True(first > 0, text);
        Assert.True(text.IndexOf("Review the non-SIT LDSO test scenarios and test cases.", StringComparison.Ordinal) > first);
        Assert.Contains("From DAG 34 papers, participant checklist item 1", text);
    }

    [Fact]
    public async Task Nonsense_NothingFoundCard_WithHelp_NoResults()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var card = await bot.AskAsync("flibbertigibbet wombat quasar", bot.Person("lee-cox"));
        var text = BotHarnessText.Of(card);

        Assert.Contains("Sorry, I found nothing on that", text);
        Assert.Empty(Results(card));
        Assert.Contains(card["actions"]!.AsArray(), a => a?["data"]?.ToJsonString().Contains("\"help\"", StringComparison.Ordinal) == true);
    }
}
