using GovBot.Tests.Cards;

namespace GovBot.Tests.Features.Events;

/// <summary>What the event, day and group update cards say (their schema is checked with every other sample card).</summary>
public sealed class AnnouncementCardTests
{
    private static string Text(string sample) => CardJson.AllText(CardSamples.All()[sample]);

    [Fact]
    public void Event_SaysWhenWhereWhatAndWhichPapers()
    {
        var text = Text("event");
        Assert.Contains("Tuesday 23 April 2024 (in 41 days)", text);
        Assert.Contains("Elexon's offices, 350 Euston Rd, London NW1 3AW, and online", text);
        Assert.Contains("DAG 34 papers", text);
        Assert.DoesNotContain("<b>", text);
    }

    [Fact]
    public void EventList_IsSoonestFirst_EachCitingItsPapers()
    {
        var texts = CardJson.Texts(CardSamples.All()["events"]);
        var webinar = texts.FindIndex(t => t.Contains("Change of Supplier", StringComparison.Ordinal));
        var openDay = texts.FindIndex(t => t.Contains("Open Day", StringComparison.Ordinal));
        Assert.InRange(webinar, 0, openDay - 1);
        Assert.Contains("12:30–13:00 UK time", CardJson.AllText(CardSamples.All()["events"]));
        var all = CardJson.AllText(CardSamples.All()["events"]);
        Assert.Equal(2, all.Split("DAG 34 papers").Length - 1);
    }

    [Fact]
    public void Day_ListsMeetingsThenEvents_MarkingExpectedAndAnnounced()
    {
        var text = Text("day");
        Assert.Contains("On Tuesday 12 March 2024", text);
        Assert.Contains("Meetings (3)", text);
        Assert.Contains("Extraordinary SITAG meeting", text);
        Assert.Contains("expected, computed from cadence", text);
        Assert.Contains("Source: DAG 34 papers", text);
        Assert.True(text.IndexOf("Events (1)", StringComparison.Ordinal) > text.IndexOf("Meetings (3)", StringComparison.Ordinal));
        Assert.Contains("Nothing is on that day", Text("day-empty"));
    }

    [Fact]
    public void ChangeRequestCard_WhatTheGroupsSaid_NewestFirstWithCitations()
    {
        var text = Text("cr-detail-groups-said");
        Assert.Contains("What the groups said", text);
        var psg = text.IndexOf("PSG, 6 March 2024 · DAG 35 papers", StringComparison.Ordinal);
        var dag = text.IndexOf("DAG, 14 February 2024 · DAG 34 papers", StringComparison.Ordinal);
        Assert.InRange(psg, 0, dag - 1);
        Assert.Contains("**CR043 Impact Assessment**: SRO approved", text);
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("What the groups said", Text("cr-detail"));
    }

    [Fact]
    public void GroupUpdates_TitledAndCited()
    {
        var text = Text("group-updates");
        Assert.Contains("What the groups said about CR043", text);
        Assert.Contains("DAG, 14 February 2024 · DAG 34 papers", text);
        Assert.Contains("No updates recorded", Text("group-updates-empty"));
    }
}
