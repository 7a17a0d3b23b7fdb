using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace GovBot.Connector;

/// <summary>
/// Names the instance (process) that sends to the Bot Connector, in the User-Agent of every connector request:
/// <c>GovBot/1.0 (instance NAME)</c>. With several instances on one storage account (App Service scale-out) this is how
/// a send seen at Teams' side, in a proxy's log or in a test's fake connector is traced to the instance that made it.
/// NAME is App Service's <c>WEBSITE_INSTANCE_ID</c> (set per instance by the platform, also readable from
/// configuration), else the machine name; only letters, digits, '.', '_' and '-' are kept, at most 64 of them.
/// </summary>
public static class ConnectorInstance
{
    /// <summary>The configuration key App Service sets for each instance of a scaled-out app.</summary>
    public const string InstanceIdKey = "WEBSITE_INSTANCE_ID";

    public const string Product = "GovBot";

    /// <summary>This process's instance name (see the type's remarks).</summary>
    public static string Name(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var raw = configuration[InstanceIdKey] is { Length: > 0 } id ? id : Environment.MachineName;
        var name = new StringBuilder(Math.Min(raw.Length, 64));
        foreach (var c in raw)
        {
            if (name.Length == 64) break;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') name.Append(c);
        }

        return name.Length > 0 ? name.ToString() : "unknown";
    }

    /// <summary>The User-Agent values for <paramref name="instance"/>: the product and a comment naming the instance.</summary>
    public static IEnumerable<ProductInfoHeaderValue> UserAgent(string instance) =>
    [
        new(Product, "1.0"),
        new($"(instance {instance})"),
    ];

    /// <summary>The instance named in a User-Agent header written by <see cref="UserAgent"/>, or null.</summary>
    public static string? FromUserAgent(string? userAgent)
    {
        const string marker = "(instance ";
        if (userAgent is null) return null;
        var start = userAgent.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) return null;
        start += marker.Length;
        var end = userAgent.IndexOf(')', start);
        return end > start ? userAgent[start..end] : null;
    }
}
