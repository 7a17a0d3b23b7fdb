using System.Text.Json.Nodes;

namespace GovBot.Cards;

/// <summary>Cards not tied to one feature: errors and edit conflicts.</summary>
public static class CommonCards
{
    /// <summary>Something went wrong; <paramref name="message"/> is for the user (no internals).</summary>
    public static JsonObject Error(string message, string? retryText = null)
    {
        var actions = retryText is null ? null : new CardButton[] { ActionSubmit.ImBack("Try again", retryText) };
        return CardKit.Build(new AdaptiveCard(
        [
            CardKit.Title("Sorry, that didn't work"),
            new TextBlock(CardKit.Safe(message)),
        ], actions));
    }

    /// <summary>"Someone else just changed this": the save lost an ETag race; offer to reload.</summary>
    public static JsonObject Conflict(string what, string reloadVerb, JsonObject? reloadData = null) =>
        CardKit.Build(new AdaptiveCard(
        [
            CardKit.Title("Someone else just changed this"),
            new TextBlock($"**{CardKit.Safe(what)}** was changed by someone else while you were editing it. Your change was not saved."),
            new TextBlock("Reload to see the latest version, then try again.") { IsSubtle = true },
        ],
        [new ActionExecute("Reload", reloadVerb, reloadData)]));
}
