using System.Text.RegularExpressions;
using GovBot.CommandLine;
using GovBot.Features.Actions;
using GovBot.SampleData;

namespace GovBot.Tests.CommandLine;

public class PlaygroundConfigCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PlaygroundConfigCommand.Run(["playground-config", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void CurrentUser_IsTheDemoOwner_WithOpenActions()
    {
        var (code, yaml, _) = Run();

        Assert.Equal(0, code);
        var demo = MhhsSampleData.Build().People.Single(p => p.Id == MhhsSampleData.DemoPersonId);
        var currentBlock = yaml[yaml.IndexOf("currentUser:", StringComparison.Ordinal)..yaml.IndexOf("users:", StringComparison.Ordinal)];
        Assert.Contains($"aadObjectId: {demo.EntraObjectId}", currentBlock);
        Assert.Contains(MhhsSampleData.Build().Actions,
            a => a.Status != ActionStatus.Closed && a.Owners.Any(o => o.Kind == OwnerPartyKind.Person && o.Value == demo.Id));
    }

    [Fact]
    public void Users_AreExactlyFiveOthers_WithUniqueIds_IncludingThePmo()
    {
        var (_, yaml, _) = Run();

        var ids = Regex.Matches(yaml, "^\\s*(?:- )?id: \"(29:[^\"]+)\"", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(6, ids.Count); // current user + the five the Playground requires
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains($"29:{MhhsSampleData.PmoPersonId}", ids);
    }

    [Fact]
    public void As_ChoosesAnotherPerson_AndUnknownPersonIsRefusedClearly()
    {
        Assert.Contains("29:priya-patel\"\n  name", Run("--as", "priya-patel").Out.Replace("\r", ""));

        var (code, output, error) = Run("--as", "nobody");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("no person 'nobody'", error);
    }
}
