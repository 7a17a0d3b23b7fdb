using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Cards;
using GovBot.Clock;
using GovBot.Connector;

namespace GovBot.Features.Search;

/// <summary>
/// The search message extension (compose box and command box): the same index, citations and permissions as chat.
/// A query returns a page of results (list layout); picking one inserts the record's own card.
/// </summary>
internal sealed class SearchMessageExtension(SearchAnswers answers, TimeProvider clock) : IInvokeHandler
{
    /// <summary>The manifest's command id and its parameter.</summary>
    public const string CommandId = "searchGovBot";
    public const string ParameterName = "query";

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!MessageExtensionQuery.TryRead(turn.Activity.Value, out var query, out var problem)) return InvokeResponse.Error(400, "BadRequest", problem!);
        var text = query!.IsInitialRun ? "" : (query.Text(ParameterName) ?? "").Trim();
        if (text.Length < 2) return MessageExtensionResponse.Message("Type a topic, a group, a CR number or an action ref to search GovBot.");
        var today = UkTime.Today(clock);
        var results = await answers.FindAsync(text, null, today, query.Skip, query.Count, cancellationToken);
        if (results.Hits.Count == 0)
        {
            return query.Skip > 0 ? MessageExtensionResponse.Results([]) : MessageExtensionResponse.Message($"Nothing found for \"{CardKit.Safe(text, 80)}\".");
        }
        var originals = await answers.OriginalsAsync(results.Hits, cancellationToken);
        return MessageExtensionResponse.Results(results.Hits.Select(h => Item(h, today, originals.GetValueOrDefault(h.Document.Id))));
    }

    internal static MessageExtensionItem Item(SearchHit hit, DateOnly today, Uri? original = null)
    {
        var d = hit.Document;
        var shape = SearchCards.Shape(d, today);
        var subtitle = SearchCards.KindWords(d.Kind) + (shape is null ? "" : " · " + shape);
        var card = CardKit.Build(new AdaptiveCard([.. SearchCards.Result(hit, today, original: original)]));
        return new MessageExtensionItem(CardKit.Safe(d.Title, 120), CardKit.Safe(subtitle, 160), CardKit.Safe(d.Citation, 160), card,
            new JsonObject { ["source"] = d.Source, ["key"] = d.Key });
    }
}

/// <summary>A picked result: the record's own card for this caller (actions keep their buttons, checked on the server when pressed).</summary>
internal sealed class SearchMessageExtensionSelect(SearchIndex index, IEnumerable<ISearchSource> sources, CallerResolver callers, SearchAnswers answers, TimeProvider clock) : IInvokeHandler
{
    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (CardData.String(turn.Activity.Value ?? default, "source", 40) is not { } sourceName
            || CardData.String(turn.Activity.Value ?? default, "key", 200) is not { } key)
        {
            return InvokeResponse.Error(400, "BadRequest", "The picked result does not say what it is. Search again and pick it from the new list.");
        }
        var source = sources.FirstOrDefault(s => s.Name == sourceName);
        var document = index.Get(sourceName, key);
        if (source is null || document is null) return MessageExtensionResponse.Message("That result is no longer in GovBot. Search again.");
        var today = UkTime.Today(clock);
        var caller = await callers.ResolveAsync(turn.Activity, cancellationToken);
        var card = await source.CardAsync(key, caller, cancellationToken);
        var hit = new SearchHit(document, 1, 1, "");
        var originals = await answers.OriginalsAsync([hit], cancellationToken);
        var item = SearchMessageExtension.Item(hit, today, originals.GetValueOrDefault(document.Id));
        return MessageExtensionResponse.Selected(card is null ? item : item with { Card = card });
    }
}
