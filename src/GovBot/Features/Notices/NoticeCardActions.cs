using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Cards;
using GovBot.Clock;
using GovBot.Connector;
using GovBot.Features.Actions;
using GovBot.Features.Conversations;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.Features.Reminders;

namespace GovBot.Features.Notices;

/// <summary>
/// The notice verbs (Action.Execute). Composing, previewing, sending, changing, cancelling and the report are for
/// the PMO: every one checks <see cref="Caller.IsPmo"/> on the server, whatever the card's data says. Acknowledge
/// and Send apologies are for the notice's recipients only (its delivery ledger: the person, or the chat the button
/// is pressed in), recorded against the caller (not the card's data); anyone else is refused and shown nothing.
/// </summary>
internal sealed class NoticeCardActions(
    CallerResolver callers,
    NoticeStore notices,
    NoticeService service,
    NoticeProgress progress,
    NoticeLinks links,
    INoticeLedger ledger,
    GroupStore groups,
    MeetingStore meetings,
    TimeProvider clock) : ICardActionHandler
{
    public static readonly IReadOnlyList<string> Verbs =
    [
        NoticeCards.ComposeVerb, NoticeCards.PrefillVerb, NoticeCards.SendVerb, NoticeCards.EditVerb, NoticeCards.DiscardVerb,
        NoticeCards.AmendVerb, NoticeCards.CancelVerb, NoticeCards.ReportVerb, NoticeCards.AcknowledgeVerb, NoticeCards.ApologiesVerb,
    ];

    public const string PmoOnly = "Only the PMO can compose, send or change meeting notices.";

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var number = CardData.Int(action.Data, "notice");
        var caller = await callers.ResolveAsync(turn.Activity, cancellationToken);
        if (action.Verb is NoticeCards.AcknowledgeVerb or NoticeCards.ApologiesVerb)
        {
            return await RespondAsync(caller, turn.Activity, number, action.Verb == NoticeCards.ApologiesVerb ? NoticeResponseKind.Apologies : NoticeResponseKind.Acknowledged, cancellationToken);
        }
        if (!caller.IsPmo) return InvokeResponse.Error(403, "Forbidden", PmoOnly);

        switch (action.Verb)
        {
            case NoticeCards.ComposeVerb:
                return await ComposeAsync(NoticeForm.Read(action.Data), number, caller, cancellationToken);
            case NoticeCards.PrefillVerb:
                {
                    var form = NoticeForm.Read(action.Data);
                    var meeting = await MeetingAsync(form.Meeting, cancellationToken);
                    var errors = meeting is null ? new Dictionary<string, string> { [NoticeForm.MeetingField] = "Pick a meeting from the records first." } : null;
                    return InvokeResponse.Card(await FormAsync(meeting is null ? form : form.PrefillFrom(meeting), errors, number, cancellationToken));
                }
        }

        if (number is not { } n || await notices.GetAsync(n, cancellationToken) is not { } found)
        {
            return InvokeResponse.Error(404, "NotFound", "That notice no longer exists.");
        }
        var (notice, etag) = found;
        switch (action.Verb)
        {
            case NoticeCards.EditVerb when notice.Status == NoticeStatus.Draft:
                return InvokeResponse.Card(await FormAsync(NoticeForm.From(notice.Details), null, n, cancellationToken));
            case NoticeCards.DiscardVerb when notice.Status == NoticeStatus.Draft:
                await notices.DeleteAsync(n, cancellationToken);
                return InvokeResponse.Card(NoticeCards.Discarded(n));
            case NoticeCards.SendVerb when notice.Status == NoticeStatus.Draft:
                await service.SendAsync(notice, etag, turn.Activity, cancellationToken);
                return await StatusAsync(n, cancellationToken);
            case NoticeCards.SendVerb:
                return await StatusAsync(n, cancellationToken); // already sent: a second press sends nothing
            case NoticeCards.AmendVerb when notice.Status == NoticeStatus.Sent:
                return await AmendAsync(notice, etag, action, cancellationToken);
            case NoticeCards.CancelVerb when notice.Status == NoticeStatus.Sent:
                {
                    var cancelled = notice with { Status = NoticeStatus.Cancelled, CancelReason = CardData.String(action.Data, "reason", 300) };
                    if (await service.ChangeAsync(notice, etag, cancelled, cancellationToken) is null) return Conflict(n);
                    return await StatusAsync(n, cancellationToken);
                }
            case NoticeCards.ReportVerb:
                return InvokeResponse.Card(await ReportAsync(notice, cancellationToken));
            default:
                return InvokeResponse.Error(409, "Conflict", notice.Status == NoticeStatus.Draft
                    ? $"{notice.Label} has not been sent yet."
                    : $"{notice.Label} has already been {(notice.Status == NoticeStatus.Cancelled ? "cancelled" : "sent")}; use the status card to change or cancel it.");
        }
    }

    internal async Task<JsonObject> ReportAsync(Notice notice, CancellationToken cancellationToken)
    {
        var deliveries = ledger.ListAsync(notice.Number, cancellationToken);
        var responses = notices.ListResponsesAsync(notice.Number, cancellationToken);
        await Task.WhenAll(deliveries, responses);
        return NoticeCards.Report(notice, deliveries.Result, responses.Result, links.ReportUrl(notice.Number));
    }

    internal async Task<JsonObject> FormAsync(NoticeForm values, IReadOnlyDictionary<string, string>? errors, int? draft, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var groupsTask = groups.ListAsync(cancellationToken);
        var meetingsTask = meetings.ListBetweenAsync(today, today.AddDays(120), cancellationToken);
        await Task.WhenAll(groupsTask, meetingsTask);
        return NoticeCards.Form(values, groupsTask.Result, meetingsTask.Result, errors, draft);
    }

    private async Task<InvokeResponse> ComposeAsync(NoticeForm form, int? draftNumber, Caller caller, CancellationToken cancellationToken)
    {
        var meeting = await MeetingAsync(form.Meeting, cancellationToken);
        var (details, errors) = form.Validate(await groups.ListAsync(cancellationToken), meeting, UkTime.Today(clock));
        if (details is null) return InvokeResponse.Card(await FormAsync(form, errors, draftNumber, cancellationToken));

        Notice draft;
        if (draftNumber is { } n && await notices.GetAsync(n, cancellationToken) is { Notice.Status: NoticeStatus.Draft } existing)
        {
            draft = existing.Notice with { Details = details };
            if (await notices.ReplaceAsync(draft, existing.ETag, cancellationToken) is null) return Conflict(n);
        }
        else
        {
            draft = await notices.CreateDraftAsync(details, caller.Person?.Id ?? caller.AadObjectId ?? "unknown", cancellationToken);
        }
        var audience = NoticeService.Summarise(await service.AudienceAsync(details.GroupCode, cancellationToken));
        return InvokeResponse.Card(NoticeCards.Preview(draft, audience));
    }

    private async Task<InvokeResponse> AmendAsync(Notice notice, Azure.ETag etag, CardAction action, CancellationToken cancellationToken)
    {
        var d = notice.Details;
        var input = NoticeForm.Read(action.Data);
        var form = NoticeForm.From(d) with
        {
            Meeting = null,
            Date = input.Date,
            Start = input.Start,
            End = input.End,
            Location = input.Location,
            JoinUrl = input.JoinUrl,
        };
        var (details, errors) = form.Validate(await groups.ListAsync(cancellationToken), null, UkTime.Today(clock));
        if (details is null)
        {
            return InvokeResponse.Error(400, "BadRequest", "Nothing was changed: " + string.Join(" ", errors.Values));
        }
        if (NoticeCards.ChangeText(d, details) is null)
        {
            return InvokeResponse.Message("Nothing changed: the date, times and place are as they were.");
        }
        if (await service.ChangeAsync(notice, etag, notice with { Details = details }, cancellationToken) is null) return Conflict(notice.Number);
        return await StatusAsync(notice.Number, cancellationToken);
    }

    public const string NotARecipient = "Only the people and chats this notice was sent to can answer it. Nothing was recorded.";

    private async Task<InvokeResponse> RespondAsync(Caller caller, Activity activity, int? number, NoticeResponseKind kind, CancellationToken cancellationToken)
    {
        if (number is not { } n || await notices.GetAsync(n, cancellationToken) is not { Notice: { Status: not NoticeStatus.Draft } notice })
        {
            return InvokeResponse.Error(404, "NotFound", "That notice no longer exists.");
        }
        // Before anything about the notice is shown or written: the card's number is the caller's to choose.
        if (!await IsRecipientAsync(caller, activity, n, cancellationToken))
        {
            return InvokeResponse.Error(403, "Forbidden", NotARecipient);
        }
        if (notice.Status == NoticeStatus.Cancelled)
        {
            return InvokeResponse.Card(NoticeCards.Recipient(notice, null));
        }
        var key = caller.Person is { } p ? "person|" + p.Id : caller.AadObjectId is { } oid ? "aad|" + oid : null;
        if (key is null)
        {
            return InvokeResponse.Error(403, "Forbidden", "I can't tell who you are, so I can't record your answer. Ask the PMO to add you to the directory.");
        }
        if (await notices.RespondAsync(new NoticeResponse(n, key, caller.Person?.Name ?? caller.DisplayName, kind, clock.GetUtcNow()), cancellationToken))
        {
            progress.Touch(n);
        }
        return InvokeResponse.Card(NoticeCards.Recipient(notice, links.CalendarUrl(n), kind));
    }

    /// <summary>
    /// A recipient is in the notice's delivery ledger as a person, or presses the button in a channel or group chat
    /// the notice was delivered to (the invoke's conversation, which Teams sets, is one of the ledger's). Two point reads.
    /// </summary>
    private async Task<bool> IsRecipientAsync(Caller caller, Activity activity, int notice, CancellationToken cancellationToken)
    {
        var asPerson = caller.Person is { } p ? ledger.GetAsync(notice, Recipient.Person(p.Id).Key, cancellationToken) : Task.FromResult<Delivery?>(null);
        var conversationId = activity.Conversation?.Id;
        var inConversation = string.IsNullOrEmpty(conversationId) || activity.Conversation?.ConversationType == "personal"
            ? Task.FromResult<Delivery?>(null)
            : ledger.GetAsync(notice, Recipient.Conversation(conversationId).Key, cancellationToken);
        await Task.WhenAll(asPerson, inConversation);
        return asPerson.Result is not null || inConversation.Result is not null;
    }

    private async Task<InvokeResponse> StatusAsync(int number, CancellationToken cancellationToken) =>
        await progress.StatusCardAsync(number, cancellationToken) is { } card
            ? InvokeResponse.Card(card)
            : InvokeResponse.Error(404, "NotFound", "That notice no longer exists.");

    private async Task<Meeting?> MeetingAsync(string? key, CancellationToken cancellationToken) =>
        NoticeForm.ParseMeetingKey(key) is { } k && await meetings.GetAsync(k.Group, k.Number, cancellationToken) is { } m ? m.Value : null;

    private static InvokeResponse Conflict(int number) =>
        InvokeResponse.Card(CommonCards.Conflict($"Notice {number}", NoticeCards.ReportVerb, new JsonObject { ["notice"] = number }));
}
