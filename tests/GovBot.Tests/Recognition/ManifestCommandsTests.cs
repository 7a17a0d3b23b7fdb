using System.Text.Json;
using GovBot.Recognition;
using GovBot.SampleData;

namespace GovBot.Tests.Recognition;

/// <summary>Every command the Teams manifest offers (manifest/manifest.json, per scope) is one the recogniser understands.</summary>
public class ManifestCommandsTests
{
    /// <summary>(scope, title) of every command in the manifest template itself, not a copy.</summary>
    public static TheoryData<string, string> Commands()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifest", "manifest.json")));
        var data = new TheoryData<string, string>();
        foreach (var bot in manifest.RootElement.GetProperty("bots").EnumerateArray())
        foreach (var list in bot.GetProperty("commandLists").EnumerateArray())
        foreach (var scope in list.GetProperty("scopes").EnumerateArray())
        foreach (var command in list.GetProperty("commands").EnumerateArray())
            data.Add(scope.GetString()!, command.GetProperty("title").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void ManifestCommand_IsUnderstood(string scope, string title)
    {
        var data = MhhsSampleData.Build();
        var context = RecognitionContext.From(new DateOnly(2024, 3, 6), data.Groups, data.People);

        var intent = GovBotFeatures.Recogniser.Recognise(title, context);

        Assert.False(intent is Unknown, $"The {scope} command '{title}' is not understood: {intent.Explanation}");
    }

    [Fact]
    public void Manifest_HasCommandsForEveryScope()
    {
        var scopes = Commands().Select(row => (string)row[0]).Distinct().Order().ToArray();
        Assert.Equal(["groupChat", "personal", "team"], scopes);
    }
}
