using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GovBot.Features.Actions;
using GovBot.Features.Conversations;
using GovBot.Storage;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Tests.Bot;

/// <summary>The sample owner asks through /api/messages; each card kind is checked against facts from the papers.</summary>
[Collection(StorageCollection.Name)]
public partial class AskGovBotTests(AzuriteFixture azurite)
{
    [GeneratedRegex(@"\b[A-Z]{2,8}\d{1,3}(?:\.\d{1,2})?-\d{2}\b")]
    private static partial Regex ActionRef();

    private static SortedSet<string> Refs(string text) => new(ActionRef().Matches(text).Select(m => m.Value), StringComparer.Ordinal);

    /// <summary>The actions a list card offers to open: the "ref" of each action.show button.</summary>
    private static SortedSet<string> ListedRefs(JsonNode? card)
    {
        var refs = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o["verb"]?.GetValue<string>() == ActionCards.ShowVerb && o["data"]?["ref"] is JsonValue r) refs.Add(r.GetValue<string>());
                foreach (var (_, v) in o) Walk(v);
            }
            else if (node is JsonArray a) foreach (var v in a) Walk(v);
        }
        Walk(card);
        return refs;
    }

    [Fact]
    public async Task MyOpenActions_ListsExactlyTheOwnersOpenActions_WithWhyEachIsTheirs()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var card = await bot.AskAsync("my open actions", bot.Person("lee-cox"));
        var text = BotHarnessText.Of(card);

        // His own three ("Programme (Lee Cox)") and the one owned by "DAG members", of whom he is one.
        Assert.Equal(["DAG12-06", "DAG31-08", "DAG32-04", "DAG33-04"], ListedRefs(card));
        Assert.Contains("you are named as the owner", text);
        Assert.Contains("it is for DAG members, and you are one", text);
        Assert.Contains("As of Wednesday 6 March 2024", text);
        Assert.Contains("Overdue", text); // DAG31-08 was due 10/01/2024
    }

    [Fact]
    public async Task MyOpenActions_IncludesCollectiveOwnership_ForThePmo()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var pmoActions = bot.Data.Actions.Where(a => !a.IsClosed && a.Owners.Any(o => o.Kind == OwnerPartyKind.Pmo)).Select(a => a.Ref).ToHashSet();
        Assert.NotEmpty(pmoActions); // "Programme (PMO)" owns several actions in the papers

        var card = await bot.AskAsync("my open actions", bot.Person("priya-patel"));

        Assert.Contains("it is for the PMO", BotHarnessText.Of(card));
        Assert.Subset(pmoActions, ListedRefs(card).ToHashSet());
        Assert.NotEmpty(ListedRefs(card));
    }

    [Fact]
    public async Task UnknownCaller_AskingForTheirActions_IsToldKindlyWhy()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var stranger = new GovBot.People.Person("stranger", "99999999-0000-0000-0000-000000000000", "Sam Stranger", "sam@elsewhere.example", null, []);
        var text = BotHarnessText.Of(await bot.AskAsync("my open actions", stranger));

        Assert.Contains("can't match you", text);
        Assert.Empty(Refs(text));
    }

    [Theory]
    [InlineData("2024-03-06T09:00:00+00:00", "DAG 34", "Wednesday 13 March 2024")]
    [InlineData("2024-03-14T09:00:00+00:00", "DAG 35", "Wednesday 10 April 2024")]
    public async Task NextDagMeeting_DependsOnToday(string startAt, string meeting, string date)
    {
        await using var bot = await BotHarness.StartAsync(azurite, startAt);
        var text = BotHarnessText.Of(await bot.AskAsync("next DAG meeting", bot.Person("lee-cox")));

        Assert.Contains(meeting, text);
        Assert.Contains(date, text);
        Assert.Contains("10:00", text);
    }

    [Theory]
    [InlineData("next SITAG?", "Monday 11 March 2024", "Extraordinary")]
    [InlineData("when is the SITWG meeting", "Thursday 7 March 2024", "DAG 34 papers")]
    [InlineData("when is the open day", "Tuesday 23 April 2024", "Elexon's offices, 350 Euston Rd")]
    [InlineData("next webinar", "Thursday 7 March 2024", "10:30–11:30")]
    [InlineData("what's on 12 March", "QWG", "Change of Supplier")]
    [InlineData("anything on Friday", "MHHS Migration Framework Development Workshop 3", "Friday 8 March 2024")]
    [InlineData("what did PSG decide on CR042", "CR042 Decision", "PSG, 7 February 2024 · DAG 34 papers")]
    [InlineData("CR043", "What the groups said", "DAG, 14 February 2024 · DAG 34 papers")]
    [InlineData("updates from CCAG", "Updates from CCAG", "CCAG, 28 February 2024 · DAG 34 papers")]
    public async Task WhatThePapersAnnounce_IsAnswered(string question, string says, string alsoSays)
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var text = BotHarnessText.Of(await bot.AskAsync(question, bot.Person("lee-cox")));

        Assert.Contains(says, text);
        Assert.Contains(alsoSays, text);
    }

    [Fact]
    public async Task EachQuestion_GetsTheRightCard()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");

        var cr043 = BotHarnessText.Of(await bot.AskAsync("CR043", lee));
        Assert.Contains("Supplier Registration of ABMU and MPAN Mapping", cr043);
        Assert.Contains("Decision", cr043);
        Assert.Contains("12", cr043); // IA tally: 12 yes

        var cr045 = BotHarnessText.Of(await bot.AskAsync("status of CR045", lee));
        Assert.Contains("CR045", cr045);
        Assert.Contains("Initial assessment", cr045);

        var agenda = BotHarnessText.Of(await bot.AskAsync("agenda for DAG 34", lee));
        Assert.Contains("CR043 Decision", agenda);
        Assert.Contains("Summary and Next Steps", agenda);

        var deadlines = BotHarnessText.Of(await bot.AskAsync("what deadlines are coming up", lee));
        Assert.Contains("Friday 26 April 2024", deadlines);
        Assert.DoesNotContain("Friday 1 March 2024", deadlines);

        var milestones = BotHarnessText.Of(await bot.AskAsync("milestones", lee));
        Assert.Contains("T3-DB-0099", milestones);

        var mcag = BotHarnessText.Of(await bot.AskAsync("what is MCAG", lee));
        Assert.Contains("fourth Tuesday", mcag, StringComparison.OrdinalIgnoreCase);

        var upcoming = BotHarnessText.Of(await bot.AskAsync("upcoming meetings", lee));
        Assert.Contains("DAG 34", upcoming);

        var action = BotHarnessText.Of(await bot.AskAsync("dag 33-04", lee));
        Assert.Contains("Action DAG33-04", action);
        Assert.Contains("Programme (Lee Cox)", action);

        var dagActions = await bot.AskAsync("open DAG actions", lee);
        Assert.Contains("DAG09-05", ListedRefs(dagActions)); // the earliest due (08/08/2022) comes first
        Assert.All(ListedRefs(dagActions), r => Assert.StartsWith("DAG", r, StringComparison.Ordinal));
        Assert.Contains("Show more", BotHarnessText.Of(dagActions));

        var help = BotHarnessText.Of(await bot.AskAsync("help", lee));
        Assert.Contains("my open actions", help);

        var unknown = BotHarnessText.Of(await bot.AskAsync("what colour is the sky on Mars", lee));
        Assert.Contains("my open actions", unknown, StringComparison.OrdinalIgnoreCase); // suggestions, never silence
    }

    [Fact]
    public async Task InChannel_TheMentionIsStripped_AndTheAnswerGoesInTheThread()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var before = bot.Connector.Sent.Count;
        var message = bot.Message("CR043", bot.Person("lee-cox"), "channel");
        using var response = await bot.PostAsync(message);
        var reply = await bot.Connector.WaitForAsync(r => r.Card is not null, before);

        Assert.Contains("CR043", reply.CardText);
        Assert.Contains(Uri.EscapeDataString("19:dag@thread.tacv2;messageid=100"), reply.Path);
    }

    [Fact]
    public async Task SlowAnswer_IsPrecededByATypingIndicator_FastOneIsNot()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");
        await bot.AskAsync("help", lee); // warm caches

        var before = bot.Connector.Sent.Count;
        await bot.AskAsync("help", lee); // no storage: fast
        Assert.DoesNotContain(bot.Connector.Sent.Skip(before), s => s.Activity?["type"]?.GetValue<string>() == "typing");

        bot.StorageTimings.Delay = TimeSpan.FromMilliseconds(500);
        before = bot.Connector.Sent.Count;
        await bot.AskAsync("CR043", lee);
        var sent = bot.Connector.Sent.Skip(before).Select(s => s.Activity?["type"]?.GetValue<string>()).ToList();
        Assert.Equal(["typing", "message"], sent);
        bot.StorageTimings.Delay = TimeSpan.Zero; // a quick clean-up
    }

    [Fact]
    public async Task StorageDown_GetsAClearTemporaryAnswer_AndRecoversWhenItReturns()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");
        await bot.AskAsync("help", lee);

        bot.StorageTimings.Down = true;
        var down = BotHarnessText.Of(await bot.AskAsync("CR043", lee));
        bot.StorageTimings.Down = false;
        var back = BotHarnessText.Of(await bot.AskAsync("CR043", lee));

        Assert.Contains("temporarily unavailable", down);
        Assert.Contains("Supplier Registration of ABMU and MPAN Mapping", back);
    }

    [Fact]
    public async Task Install_WhileStorageIsDown_StillSendsTheWelcomeCard_AndTheNextMessageRecordsTheConversation()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var craig = bot.Person("craig-handford");
        var update = bot.Activity("conversationUpdate", craig);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotHarness.BotId });

        bot.StorageTimings.Down = true;
        using (var response = await bot.PostAsync(update))
        {
            Assert.True(response.IsSuccessStatusCode, $"install answered {(int)response.StatusCode}");
        }
        var welcome = await bot.Connector.WaitForAsync(r => r.Card is not null);
        bot.StorageTimings.Down = false;

        Assert.Contains("my open actions", welcome.CardText);
        Assert.Contains(craig.Name, welcome.CardText); // the name Teams sent, as the directory could not be read
        var conversations = bot.Services.GetRequiredService<GovBot.Features.Conversations.ConversationReferenceStore>();
        Assert.Null(await conversations.GetAsync(GovBot.Features.Conversations.Recipient.Person(craig.Id), CancellationToken.None));

        await bot.AskAsync("help", craig);
        Assert.NotNull(await conversations.GetAsync(GovBot.Features.Conversations.Recipient.Person(craig.Id), CancellationToken.None));
    }

    [Fact]
    public async Task NextQuestion_InTheSameChat_NeitherStoresTheConversationNorLooksUpTheCaller()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");
        // The chat's first message: its reference is stored, the caller matched (and the recogniser's name lists,
        // which it refills once a minute by reading the People and Groups tables, are loaded).
        await bot.AskAsync("search migration plan", lee);
        await Task.Delay(300); // the reference is written alongside the answer
        bot.StorageRequests.Clear();

        await bot.AskAsync("search code of connection", lee);
        await Task.Delay(300);

        // A Teams personal chat is one stable conversation: the next message costs no reference read or write and
        // no directory lookup (the caller and the confirmed conversation are cached).
        foreach (var table in new[] { TableNames.ConversationRefs, TableNames.People, TableNames.PeopleIndex, TableNames.Subscriptions })
        {
            Assert.Empty(bot.StorageRequests.To(bot.Prefix + table));
        }
    }

    [Fact]
    public async Task Install_SendsTheWelcomeCard()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");
        var update = bot.Activity("conversationUpdate", lee);
        update["from"]!.AsObject().Remove("name"); // as Teams and the Playground send it
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotHarness.BotId });
        using var response = await bot.PostAsync(update);
        var reply = await bot.Connector.WaitForAsync(r => r.Card is not null);

        Assert.Contains("my open actions", reply.CardText);
        Assert.Contains("Lee Cox", reply.CardText);
    }

    [Fact]
    public async Task ShowMore_PagesALongList()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var (status, body) = await bot.InvokeAsync("list.more", new JsonObject { ["query"] = "open DAG actions", ["page"] = 1 }, bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body!["type"]!.GetValue<string>());
        Assert.NotEmpty(ListedRefs(body["value"]));
    }

    [Theory]
    [InlineData("my open actions")]
    [InlineData("next DAG meeting")]
    [InlineData("CR043")]
    [InlineData("DAG33-04")]
    [InlineData("what deadlines are coming up")]
    [InlineData("upcoming meetings")]
    [InlineData("open DAG actions")]
    [InlineData("my overdue actions")]
    [InlineData("actions due this week")]
    [InlineData("overdue actions")]
    [InlineData("what is MCAG")]
    [InlineData("next SITAG")]
    [InlineData("when is the open day")]
    [InlineData("events next week")]
    [InlineData("what's on 12 March")]
    [InlineData("updates from DAG")]
    [InlineData("what did PSG decide on CR042")]
    public async Task Answers_ReadOnlyTheirPartitions_WithinThreeRoundTrips(string question)
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");
        await bot.AskAsync("help", lee); // warms the caller and vocabulary caches, as any earlier message does
        bot.StorageRequests.Clear();
        bot.StorageTimings.Clear();

        var card = await bot.AskAsync(question, lee);
        Assert.InRange(bot.StorageTimings.RoundTrips, 1, 3);

        Assert.DoesNotContain("can't", BotHarnessText.Of(card));
        var reads = bot.StorageRequests.All.Where(r => r.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        // Every read is a point read (PartitionKey='..',RowKey='..') or a query filtered to a partition.
        Assert.All(reads, r => Assert.True(r.Contains("PartitionKey='", StringComparison.Ordinal) || r.Contains("PartitionKey eq", StringComparison.Ordinal), r));
    }
}
