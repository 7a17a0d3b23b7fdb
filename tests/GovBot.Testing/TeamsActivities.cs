using System.Globalization;
using System.Text.Json.Nodes;

namespace GovBot.Testing;

/// <summary>Who sends an activity: a Teams user id ("29:" is added), a display name and an Entra object id.</summary>
public sealed record TeamsUser(string Id, string Name, string? EntraObjectId);

/// <summary>
/// Inbound Bot Framework activities shaped like Teams' traffic, as JSON, for every test project (the in-process
/// harness, the connector's tests and the end-to-end runs). Each test fixes its own service URL, tenant and bot.
/// </summary>
public sealed class TeamsActivities(string serviceUrl, string tenantId, string botId, string locale = "en-GB")
{
    public const string PersonalConversation = "personal";

    /// <summary>The common envelope. <paramref name="channelName"/> adds the team and channel to channelData, as Teams does in a channel.</summary>
    public JsonObject Activity(string type, TeamsUser from, string conversationId, string conversationType = PersonalConversation, string? channelName = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        if (channelName is not null)
        {
            channelData["team"] = new JsonObject { ["id"] = conversationId, ["name"] = channelName };
            channelData["channel"] = new JsonObject { ["id"] = conversationId, ["name"] = channelName };
        }

        var user = new JsonObject { ["id"] = $"29:{from.Id}", ["name"] = from.Name };
        if (from.EntraObjectId is not null) user["aadObjectId"] = from.EntraObjectId;
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = user,
            ["recipient"] = new JsonObject { ["id"] = botId, ["name"] = "GovBot" },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversationId,
                ["conversationType"] = conversationType,
                ["tenantId"] = tenantId,
                ["isGroup"] = conversationType != PersonalConversation,
            },
            ["channelData"] = channelData,
            ["locale"] = locale,
        };
    }

    /// <summary>A message; outside a personal chat GovBot is @mentioned, as Teams requires.</summary>
    public JsonObject Message(string text, TeamsUser from, string conversationId, string conversationType = PersonalConversation, string? channelName = null)
    {
        var activity = Activity("message", from, conversationId, conversationType, channelName);
        var mention = conversationType != PersonalConversation;
        activity["text"] = mention ? $"<at>GovBot</at> {text}" : text;
        activity["textFormat"] = "plain";
        if (mention)
        {
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>GovBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = botId, ["name"] = "GovBot" },
            });
        }

        return activity;
    }

    /// <summary>An Action.Execute invoke (adaptiveCard/action) from a button on the card <paramref name="replyToId"/>.</summary>
    public JsonObject Execute(string verb, JsonObject data, TeamsUser from, string conversationId, string replyToId, string conversationType = PersonalConversation)
    {
        ArgumentNullException.ThrowIfNull(data);
        var activity = Activity("invoke", from, conversationId, conversationType);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        return activity;
    }
}
