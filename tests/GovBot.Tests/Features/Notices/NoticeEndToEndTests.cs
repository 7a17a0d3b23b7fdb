using System.Net;
using GovBot.People;
using System.Text.Json.Nodes;
using GovBot.Features.Notices;
using GovBot.Tests.Bot;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using static GovBot.Tests.Features.Notices.NoticeTestKit;

namespace GovBot.Tests.Features.Notices;

/// <summary>Notices through the connector endpoint: the real app on Azurite tables and queues, a fake Bot Connector.</summary>
[Collection(StorageCollection.Name)]
public class NoticeEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task NonPmo_IsRefused_AndForgedInvokesChangeNothing()
    {
        await using var bot = await BotHarness.StartAsync(azurite, settings: Settings());
        var lee = bot.Person("lee-cox");
        await InstallAsync(bot, "lee-cox");

        var refusal = BotHarnessText.Of(await bot.AskAsync("post notice", lee));
        Assert.Contains("sent by the PMO", refusal);
        Assert.DoesNotContain("New meeting notice", refusal);

        // A forged compose, and a forged send of a draft the PMO made: both refused on the server.
        var (composeStatus, _) = await bot.InvokeAsync(NoticeCards.ComposeVerb, Dag34Form(), lee);
        Assert.Equal(HttpStatusCode.Forbidden, composeStatus);
        var preview = await ComposeAsync(bot, "priya-patel", Dag34Form());
        Assert.Contains("Preview of notice 1", BotHarnessText.Of(preview));
        foreach (var verb in new[] { NoticeCards.SendVerb, NoticeCards.DiscardVerb, NoticeCards.EditVerb, NoticeCards.CancelVerb, NoticeCards.AmendVerb, NoticeCards.ReportVerb, NoticeCards.PrefillVerb })
        {
            var (status, body) = await bot.InvokeAsync(verb, new JsonObject { ["notice"] = 1, ["isPmo"] = true }, lee);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("Only the PMO", BotHarnessText.Of(body));
        }
        var report = BotHarnessText.Of(await bot.AskAsync("notice report 1", lee));
        Assert.Contains("sent by the PMO", report);

        await Task.Delay(1000);
        Assert.DoesNotContain(bot.Connector.Sent, IsNoticeSend);
        var draft = await bot.Services.GetRequiredService<NoticeStore>().GetAsync(1, CancellationToken.None);
        Assert.Equal(NoticeStatus.Draft, draft!.Value.Notice.Status);
    }

    [Fact]
    public async Task BadForm_ShowsEachErrorNextToItsField_AndSavesAndSendsNothing()
    {
        await using var bot = await BotHarness.StartAsync(azurite, settings: Settings());
        var form = await bot.AskAsync("post notice", bot.Person("priya-patel"));
        var formJson = form.ToJsonString();
        Assert.Contains("New meeting notice", BotHarnessText.Of(form));
        Assert.Contains("\"isRequired\":true", formJson);
        Assert.Contains("\"regex\"", formJson);
        Assert.Contains("Input.Time", formJson);

        var bad = new JsonObject
        {
            ["number"] = "thirty",
            ["date"] = "2024-01-10",
            ["start"] = "25:00",
            ["end"] = "09:00",
            ["joinUrl"] = "http://insecure.example/join",
            ["papersUrl"] = "ftp://papers",
        };
        var card = await ComposeAsync(bot, "priya-patel", bad);
        var ids = ErrorIds(card);
        Assert.Equal(["dateError", "groupError", "joinUrlError", "numberError", "papersUrlError", "startError"], ids); // the end time is checked against a valid start only
        var text = BotHarnessText.Of(card);
        Assert.Contains("Choose the group the notice is for.", text);
        Assert.Contains("Use a meeting number like 34 or 10.1.", text);
        Assert.Contains("The meeting date is in the past.", text);
        Assert.Contains("Enter the start time as hh:mm.", text);
        Assert.Contains("The join link must be an https:// address.", text);
        Assert.Contains("The papers link must be an https:// address.", text);
        Assert.Contains("thirty", card.ToJsonString()); // the values are kept

        var noPlace = Dag34Form();
        noPlace.Remove("location");
        noPlace["end"] = "09:30";
        var second = await ComposeAsync(bot, "priya-patel", noPlace);
        Assert.Equal(["endError", "locationError"], ErrorIds(second));
        Assert.Contains("The end time must be after the start time.", BotHarnessText.Of(second));
        Assert.Contains("Give a location or a join link.", BotHarnessText.Of(second));

        Assert.Null(await bot.Services.GetRequiredService<NoticeStore>().GetAsync(1, CancellationToken.None));
        Assert.DoesNotContain(bot.Connector.Sent, IsNoticeSend);
    }

    [Fact]
    public async Task Send_FansOutOncePerRecipient_UpdatesAuthorCard_Report_Edit_Cancel_Apologies_Calendar()
    {
        await using var bot = await BotHarness.StartAsync(azurite, settings: Settings());
        var priya = bot.Person("priya-patel");
        var lee = bot.Person("lee-cox");
        await InstallAsync(bot, "lee-cox", "craig-handford", "alex-morgan", "priya-patel");
        var channels = await AddDagChannelsAsync(bot, 3);

        var prefilled = await bot.InvokeAsync(NoticeCards.PrefillVerb, new JsonObject { ["meeting"] = "DAG|34" }, priya);
        Assert.Contains("Minutes", BotHarnessText.Of(prefilled.Body)); // agenda from the meeting record

        var preview = BotHarnessText.Of(await ComposeAsync(bot, "priya-patel", Dag34Form()));
        Assert.Contains(Title, preview);
        Assert.Contains("3 channels or group chats and 11 members", preview);
        Assert.Contains("7 have no chat with GovBot yet", preview);
        Assert.DoesNotContain(bot.Connector.Sent, IsNoticeSend);

        var (sendStatus, status) = await bot.InvokeAsync(NoticeCards.SendVerb, new JsonObject { ["notice"] = 1 }, priya);
        Assert.Equal(HttpStatusCode.OK, sendStatus);
        Assert.Contains("Notice 1: DAG 34", BotHarnessText.Of(status));
        var (againStatus, _) = await bot.InvokeAsync(NoticeCards.SendVerb, new JsonObject { ["notice"] = 1 }, priya); // double press
        Assert.Equal(HttpStatusCode.OK, againStatus);

        var outcomes = await WaitForAllOutcomesAsync(bot, 1);
        Assert.Equal(14, outcomes.Count);
        Assert.Equal(7, outcomes.Count(d => d.State == DeliveryState.Delivered));
        Assert.Equal(7, outcomes.Count(d => d.State == DeliveryState.Unreachable));
        await Task.Delay(1500);
        var sends = bot.Connector.Sent.Where(IsNoticeSend).ToList();
        Assert.Equal(7, sends.Count);
        Assert.Equal(7, sends.Select(ConversationOf).Distinct().Count());
        foreach (var channel in channels) Assert.Contains(sends, s => ConversationOf(s) == channel);

        // The author's card (the preview's message, replyToId "1") was updated in place to the final counts.
        var authorUpdate = await bot.Connector.WaitForAsync(r => r.Method == HttpMethod.Put && Unescaped(r).EndsWith("a:personal-priya-patel/activities/1", StringComparison.Ordinal)
            && r.CardText.Contains("Final: 7 of 14 delivered", StringComparison.Ordinal));
        Assert.NotNull(authorUpdate.Card);

        var recipientCard = sends.First(s => ConversationOf(s) == "a:personal-lee-cox").Card!;
        var calendarUrl = recipientCard.ToJsonString().Split("https://govbot.test")[1].Split('"')[0];
        using (var ics = await bot.Client.GetAsync(calendarUrl.Replace("\\u0026", "&", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
            var text = await ics.Content.ReadAsStringAsync();
            Assert.Contains("BEGIN:VEVENT", text);
            Assert.Contains("DTSTART:20240313T100000Z", text);
        }
        using (var forged = await bot.Client.GetAsync("/notices/1/calendar.ics?exp=99999999999&sig=AAAA"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        // Apologies twice from Lee, an acknowledgement from Craig: recorded once per person.
        var (apStatus, apologised) = await bot.InvokeAsync(NoticeCards.ApologiesVerb, new JsonObject { ["notice"] = 1 }, lee);
        Assert.Equal(HttpStatusCode.OK, apStatus);
        Assert.Contains("You sent your apologies", BotHarnessText.Of(apologised));
        await bot.InvokeAsync(NoticeCards.ApologiesVerb, new JsonObject { ["notice"] = 1 }, lee);
        await bot.InvokeAsync(NoticeCards.AcknowledgeVerb, new JsonObject { ["notice"] = 1 }, bot.Person("craig-handford"));
        var responses = await bot.Services.GetRequiredService<NoticeStore>().ListResponsesAsync(1, CancellationToken.None);
        Assert.Single(responses, r => r.Kind == NoticeResponseKind.Apologies);
        Assert.Single(responses, r => r.Kind == NoticeResponseKind.Acknowledged);

        var report = await bot.AskAsync("notice report 1", priya);
        var reportText = BotHarnessText.Of(report);
        Assert.Contains("Not delivered (7)", reportText);
        Assert.Contains("no chat with GovBot", reportText);
        Assert.Contains("Apologies (1)", reportText);
        Assert.Contains("Lee Cox", reportText);
        var csvUrl = report.ToJsonString().Split("https://govbot.test")[1].Split('"')[0].Replace("\\u0026", "&", StringComparison.Ordinal);
        using (var csv = await bot.Client.GetAsync(csvUrl))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var text = await csv.Content.ReadAsStringAsync();
            Assert.Contains("Unreachable", text);
            Assert.Contains("Apologies", text);
        }

        // Change the time: every delivered message is updated in place.
        var before = bot.Connector.Sent.Count;
        var (amendStatus, _) = await bot.InvokeAsync(NoticeCards.AmendVerb, new JsonObject { ["notice"] = 1, ["date"] = "2024-03-13", ["start"] = "13:00", ["end"] = "15:00", ["location"] = "Elexon, 350 Euston Road, London" }, priya);
        Assert.Equal(HttpStatusCode.OK, amendStatus);
        await WaitForUpdatesAsync(bot, before, sends, "UPDATED");

        before = bot.Connector.Sent.Count;
        var (cancelStatus, _) = await bot.InvokeAsync(NoticeCards.CancelVerb, new JsonObject { ["notice"] = 1, ["reason"] = "Quorum not met" }, priya);
        Assert.Equal(HttpStatusCode.OK, cancelStatus);
        await WaitForUpdatesAsync(bot, before, sends, "CANCELLED");
        Assert.Equal(7, bot.Connector.Sent.Count(IsNoticeSend)); // nothing re-sent
    }

    [Fact]
    public async Task OnlyRecipientsMayAnswer_OthersAreRefused_AndShownAndRecordNothing()
    {
        await using var bot = await BotHarness.StartAsync(azurite, settings: Settings());
        var priya = bot.Person("priya-patel");
        var lee = bot.Person("lee-cox");
        var outsider = bot.Data.People.First(p => p.EntraObjectId is not null && !bot.Data.Memberships.Any(m => m.GroupCode == "DAG" && m.PersonId == p.Id));
        await InstallAsync(bot, "lee-cox", "priya-patel", outsider.Id);
        var channels = await AddDagChannelsAsync(bot, 1);
        await ComposeAsync(bot, "priya-patel", Dag34Form());
        Assert.Equal(HttpStatusCode.OK, (await bot.InvokeAsync(NoticeCards.SendVerb, new JsonObject { ["notice"] = 1 }, priya)).Status);
        await WaitForAllOutcomesAsync(bot, 1);

        async Task<(HttpStatusCode Status, string Text)> AnswerAsync(string verb, Person from, string? conversationId = null)
        {
            var activity = bot.Execute(verb, new JsonObject { ["notice"] = 1 }, from);
            if (conversationId is not null)
            {
                activity["conversation"]!["id"] = conversationId + ";messageid=1700000000000";
                activity["conversation"]!["conversationType"] = "channel";
            }
            using var response = await bot.PostAsync(activity);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        // Someone the notice was not sent to, in their own chat or in an unrelated channel: refused, nothing shown.
        foreach (var (verb, conversation) in new[] { (NoticeCards.AcknowledgeVerb, (string?)null), (NoticeCards.ApologiesVerb, null), (NoticeCards.ApologiesVerb, "19:elsewhere@thread.tacv2") })
        {
            var (status, text) = await AnswerAsync(verb, outsider, conversation);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains(NoticeCardActions.NotARecipient, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Title, text, StringComparison.Ordinal);
            Assert.DoesNotContain("calendar", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Euston", text, StringComparison.Ordinal);
        }
        Assert.Empty(await bot.Services.GetRequiredService<NoticeStore>().ListResponsesAsync(1, CancellationToken.None));

        // A member, and the outsider pressing the button in a channel the notice was delivered to: recorded.
        Assert.Contains("You sent your apologies", (await AnswerAsync(NoticeCards.ApologiesVerb, lee)).Text, StringComparison.Ordinal);
        Assert.Contains("acknowledged", (await AnswerAsync(NoticeCards.AcknowledgeVerb, outsider, channels[0])).Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, (await bot.Services.GetRequiredService<NoticeStore>().ListResponsesAsync(1, CancellationToken.None)).Count);

        // Once cancelled, an outsider still learns nothing about it.
        await bot.InvokeAsync(NoticeCards.CancelVerb, new JsonObject { ["notice"] = 1, ["reason"] = "Quorum not met" }, priya);
        var (_, afterCancel) = await AnswerAsync(NoticeCards.AcknowledgeVerb, outsider);
        Assert.Contains(NoticeCardActions.NotARecipient, afterCancel, StringComparison.Ordinal);
        Assert.DoesNotContain(Title, afterCancel, StringComparison.Ordinal);
    }

    private static async Task WaitForUpdatesAsync(BotHarness bot, int skip, IReadOnlyList<SentRequest> sends, string marker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var updated = bot.Connector.Sent.Skip(skip).Where(r => r.Method == HttpMethod.Put && r.CardText.Contains(marker, StringComparison.Ordinal)).Select(ConversationOf).ToHashSet();
            if (sends.All(s => updated.Contains(ConversationOf(s)))) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Updated with {marker}: {string.Join(", ", updated)}");
            await Task.Delay(200);
        }
    }

    private static List<string> ErrorIds(JsonObject card)
    {
        var ids = new List<string>();
        void Walk(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                if (o["id"]?.GetValue<string>() is { } id && id.EndsWith("Error", StringComparison.Ordinal)) ids.Add(id);
                foreach (var (_, v) in o) Walk(v);
            }
            else if (n is JsonArray a) foreach (var v in a) Walk(v);
        }
        Walk(card);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
