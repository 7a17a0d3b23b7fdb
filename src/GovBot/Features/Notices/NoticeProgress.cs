using System.Collections.Concurrent;
using GovBot.Connector;

namespace GovBot.Features.Notices;

/// <summary>
/// Keeps the author's status card current: workers mark a notice as changed; <see cref="FlushAsync"/> (every
/// Notices:ProgressInterval, so at most one update per notice per interval) reads the counts and updates the card
/// in place. The last flush after the final outcome shows the final report.
/// </summary>
internal sealed partial class NoticeProgress(NoticeStore notices, INoticeLedger ledger, ConnectorClient connector, ILogger<NoticeProgress> logger)
{
    private readonly ConcurrentDictionary<int, byte> _changed = new();
    private readonly ConcurrentDictionary<int, (DeliveryCounts Counts, int Apologies, int Acknowledged, int Version)> _shown = new();

    public void Touch(int notice) => _changed[notice] = 0;

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var number in _changed.Keys.ToList())
        {
            _changed.TryRemove(number, out _);
            try
            {
                await UpdateCardAsync(number, force: false, cancellationToken);
            }
            catch (Exception e) when (e is ConnectorException or HttpRequestException or Azure.RequestFailedException)
            {
                LogFailed(logger, number, e.GetType().Name);
            }
        }
    }

    /// <summary>Builds the author's card for the notice's current state (the invoke responses use it too).</summary>
    public async Task<System.Text.Json.Nodes.JsonObject?> StatusCardAsync(int number, CancellationToken cancellationToken)
    {
        if (await notices.GetAsync(number, cancellationToken) is not { } found) return null;
        var deliveries = await ledger.ListAsync(number, cancellationToken);
        var responses = await notices.ListResponsesAsync(number, cancellationToken);
        return NoticeCards.Status(found.Notice, DeliveryCounts.Of(deliveries),
            responses.Count(r => r.Kind == NoticeResponseKind.Apologies), responses.Count(r => r.Kind == NoticeResponseKind.Acknowledged));
    }

    /// <summary>Updates the author's card now (after an edit, a cancellation or an answer), or when the counts moved.</summary>
    public async Task UpdateCardAsync(int number, bool force, CancellationToken cancellationToken)
    {
        if (await notices.GetAsync(number, cancellationToken) is not { Notice: { AuthorServiceUrl: { } serviceUrl, AuthorConversationId: { } conversationId, AuthorActivityId: { } activityId } notice }) return;
        var deliveries = await ledger.ListAsync(number, cancellationToken);
        var counts = DeliveryCounts.Of(deliveries);
        var responses = await notices.ListResponsesAsync(number, cancellationToken);
        var state = (counts, responses.Count(r => r.Kind == NoticeResponseKind.Apologies), responses.Count(r => r.Kind == NoticeResponseKind.Acknowledged), notice.Version);
        if (!force && _shown.TryGetValue(number, out var shown) && shown == state) return;
        var card = NoticeCards.Status(notice, counts, state.Item2, state.Item3);
        await connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, Activity.Message(null, Attachment.AdaptiveCard(card)), cancellationToken);
        _shown[number] = state;
        if (counts.IsComplete) LogComplete(logger, number, counts.Delivered, counts.Total);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {Notice}: the author's status card could not be updated ({Kind})")]
    private static partial void LogFailed(ILogger logger, int notice, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Notice}: all outcomes recorded, {Delivered} of {Total} delivered")]
    private static partial void LogComplete(ILogger logger, int notice, int delivered, int total);
}
