using System.Text.Json.Nodes;
using GovBot.Infra.Tests.Support;

namespace GovBot.Infra.Tests.Manifest;

/// <summary>Checks on manifest/manifest.json (the template) and manifest/commands.json that the schema does not make.</summary>
public sealed class ManifestTemplateTests
{
    private static readonly string[] Scopes = ["personal", "team", "groupChat"];

    private static JsonObject Template => JsonNode.Parse(File.ReadAllText(Repo.Path("manifest", "manifest.json")))!.AsObject();

    private static JsonObject Bot => Template["bots"]!.AsArray().Single()!.AsObject();

    [Fact]
    public void Template_TargetsSchemaV130()
    {
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json", (string?)Template["$schema"]);
        Assert.Equal("1.30", (string?)Template["manifestVersion"]);
    }

    [Fact]
    public void Template_TakesIdsUrlsAndDomainAsPlaceholders()
    {
        var text = File.ReadAllText(Repo.Path("manifest", "manifest.json"));
        foreach (var name in new[] { "TEAMS_APP_ID", "BOT_APP_ID", "PRIVACY_URL", "TERMS_URL", "BOT_DOMAIN", "WEBSITE_URL", "APP_VERSION" })
        {
            Assert.Contains($"${{{{{name}}}}}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NamesAndDescriptions_FitTheirLimits()
    {
        var name = Template["name"]!;
        var description = Template["description"]!;
        Assert.InRange(((string?)name["short"])!.Length, 1, 30);
        Assert.InRange(((string?)name["full"])!.Length, 1, 100);
        Assert.InRange(((string?)description["short"])!.Length, 1, 30);
        Assert.InRange(((string?)description["full"])!.Length, 200, 4000);
        Assert.InRange(((string?)Template["developer"]!["name"])!.Length, 1, 32);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)Template["accentColor"]);
    }

    [Fact]
    public void Bot_WorksInPersonalTeamAndGroupChat_AndAcceptsFiles()
    {
        Assert.Equal(Scopes, Bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.True((bool)Bot["supportsFiles"]!);
        Assert.False((bool?)Bot["isNotificationOnly"] ?? false);
    }

    [Fact]
    public void CommandLists_OnePerScope_MatchCommandsJson()
    {
        var expected = JsonNode.Parse(File.ReadAllText(Repo.Path("manifest", "commands.json")))!.AsObject();
        Assert.Equal(Scopes, expected.Select(p => p.Key));

        var lists = Bot["commandLists"]!.AsArray();
        Assert.Equal(Scopes.Length, lists.Count);
        foreach (var scope in Scopes)
        {
            var list = lists.Single(l => l!["scopes"]!.AsArray().Select(s => (string?)s).SequenceEqual([scope]))!;
            var titles = list["commands"]!.AsArray().Select(c => (string?)c!["title"]).ToArray();
            Assert.Equal(expected[scope]!.AsArray().Select(t => (string?)t), titles);
        }
    }

    [Fact]
    public void Commands_AtMostTwelvePerScope_UniqueAndShort()
    {
        foreach (var list in Bot["commandLists"]!.AsArray())
        {
            var commands = list!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 12);
            var titles = commands.Select(c => (string)c!["title"]!).ToList();
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var command in commands)
            {
                var title = (string)command!["title"]!;
                var description = (string?)command["description"];
                // Schema limits are 128 / 4000; the command menu shows about 32 / 128 characters (the limits before v1.21).
                Assert.InRange(title.Length, 1, 32);
                Assert.False(string.IsNullOrWhiteSpace(description), $"'{title}' needs a description");
                Assert.InRange(description!.Length, 1, 128);
            }
        }
    }

    [Fact]
    public void Permissions_AndDomains_AreMinimal()
    {
        Assert.Equal(["${{BOT_DOMAIN}}"], Template["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Null(Template["staticTabs"]);
        Assert.Null(Template["configurableTabs"]);
    }
}
