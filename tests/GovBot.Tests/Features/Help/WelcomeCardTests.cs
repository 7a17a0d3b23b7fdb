using GovBot.Features.Help;

namespace GovBot.Tests.Features.Help;

public class WelcomeCardTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void SomeoneNotInTheDirectory_IsToldWhatTheyGetAndHowToBeMatched()
    {
        var json = HelpCards.Welcome("Sam", notInDirectory: true).ToJsonString(Relaxed);
        Assert.Contains("couldn't find you in the programme directory", json, StringComparison.Ordinal);
        Assert.Contains("programme-wide participant checklist reminders", json, StringComparison.Ordinal);
        Assert.Contains("ask the PMO to add you", json, StringComparison.Ordinal);
    }

    [Fact]
    public void AMember_IsNotTold() =>
        Assert.DoesNotContain("programme directory", HelpCards.Welcome("Lee").ToJsonString(Relaxed), StringComparison.Ordinal);
}
