using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Cards;
using NJsonSchema;

namespace GovBot.Tests.Cards;

/// <summary>Every card kind against the official 1.5 schema, the Teams lint, and the official JS renderer.</summary>
public class CardValidationTests
{
    public static TheoryData<string> CardNames() => [.. CardSamples.All().Keys];

    private static Lazy<Task<JsonSchema>> Schema => CardSchema.Schema;

    [Theory]
    [MemberData(nameof(CardNames))]
    public async Task Card_IsValidAgainstAdaptiveCard15Schema(string name)
    {
        var schema = await Schema.Value;
        var errors = schema.Validate(CardSamples.All()[name].ToJsonString());
        Assert.True(errors.Count == 0, $"{name}: " + string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}")));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_PassesTeamsLint(string name)
    {
        var problems = TeamsCardLint.Check(CardSamples.All()[name]);
        Assert.True(problems.Count == 0, $"{name}: " + string.Join("; ", problems));
    }

    [Fact]
    public async Task Schema_RejectsABrokenCard()
    {
        var schema = await Schema.Value;
        var bad = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"},{"type":"TextBlock","text":"y","size":"Huge"}]}""";
        Assert.NotEmpty(schema.Validate(bad));
    }

    [Fact]
    public void Lint_CatchesTeamsProblems()
    {
        var bad = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.6","body":[
              {"type":"Media","sources":[]},
              {"type":"TextBlock","text":"## Heading"},
              {"type":"TextBlock","text":"<b>bold</b>"},
              {"type":"Input.Text","id":"a"},{"type":"Input.Date","id":"a"}],
             "actions":[{"type":"Action.Execute","title":"Go"},{"type":"Action.Submit","title":"S","style":"positive","isEnabled":false}]}
            """)!.AsObject();
        var problems = string.Join("\n", TeamsCardLint.Check(bad));
        Assert.Contains("version", problems);
        Assert.Contains("Media", problems);
        Assert.Contains("header", problems);
        Assert.Contains("HTML", problems);
        Assert.Contains("duplicate input id", problems);
        Assert.Contains("without verb", problems);
        Assert.Contains("style", problems);
        Assert.Contains("isEnabled", problems);
    }

    [Fact]
    public void EveryCard_HasAsOfLineWhereDataDependsOnTheDate()
    {
        // Settings and confirmations say no "as of"; the snooze and the report name their own dates and times.
        string[] dateFree = ["welcome", "help", "unknown", "error", "conflict",
            "reminder-snoozed", "reminder-settings", "reminder-settings-off", "reminder-subscriptions", "reminder-subscriptions-empty", "reminder-report", "reminder-report-empty",
            "notice-form", "notice-form-errors", "notice-preview", "notice-recipient", "notice-recipient-apologies", "notice-recipient-updated", "notice-recipient-cancelled", "notice-status", "notice-report"];
        foreach (var (name, card) in CardSamples.All())
        {
            // File-import cards describe a file, not the governance data as of a day.
            if (dateFree.Contains(name) || name.StartsWith("import-", StringComparison.Ordinal)) continue;
            Assert.Contains("As of Wednesday 13 March 2024", card.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AllCards_RenderWithOfficialRendererAndTeamsHostConfig()
    {
        var hostConfig = RepoPaths.SharedSchema("hostconfig-microsoft-teams-light.json");
        var nodeModules = Path.Combine(RepoPaths.Root, "node_modules");
        if (!System.IO.Directory.Exists(Path.Combine(nodeModules, "adaptivecards")) || !System.IO.Directory.Exists(Path.Combine(nodeModules, "jsdom")))
            Assert.Fail($"The render smoke test needs the npm packages 'adaptivecards' and 'jsdom' in {nodeModules}: run `npm ci` at the repository root.");
        var script = Path.Combine(RepoPaths.Root, "tests", "GovBot.Tests", "Cards", "render-cards.cjs");

        var dir = System.IO.Directory.CreateTempSubdirectory("govbot-cards-");
        try
        {
            var cards = CardSamples.All();
            foreach (var (name, card) in cards)
                File.WriteAllText(Path.Combine(dir.FullName, name + ".json"), card.ToJsonString());

            var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(script);
            psi.ArgumentList.Add(dir.FullName);
            psi.ArgumentList.Add(hostConfig);
            psi.Environment["NODE_PATH"] = nodeModules;
            Process process;
            try
            {
                process = Process.Start(psi)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Assert.Fail($"The render smoke test needs Node.js ('node' on PATH): {e.Message}");
                return;
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await process.WaitForExitAsync(timeout.Token);
                var output = (await stdout).Trim();
                Assert.True(output.StartsWith('{'), $"node exited {process.ExitCode}: {await stderr}{output}");
                using var report = JsonDocument.Parse(output.Split('\n')[^1]);
                Assert.Equal(cards.Count, report.RootElement.GetProperty("cards").GetInt32());
                var errors = report.RootElement.GetProperty("errors");
                Assert.True(errors.GetArrayLength() == 0, "Renderer reported: " + errors);
                Assert.Equal(0, process.ExitCode);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
