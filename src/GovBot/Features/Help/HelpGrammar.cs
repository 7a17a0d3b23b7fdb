using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Help;

internal sealed record ShowHelp(string Explanation) : Intent(Explanation);

internal sealed record ShowWelcome(string Explanation) : Intent(Explanation);

/// <summary>Greetings, an empty message and asking for help.</summary>
internal static partial class HelpGrammar
{
    public static void Register(Grammar grammar) => grammar
        .Rule(RuleOrder.Empty, "empty", q => q.Text.Length == 0 ? new ShowWelcome("empty message: welcome") : null)
        .Rule(RuleOrder.Greeting, "greeting", q => q.Text.Split(' ').All(GreetingWords.Contains) ? new ShowWelcome($"greeting ('{q.Text}')") : null)
        .Rule(RuleOrder.Help, "help", q => HelpRegex().IsMatch(q.Text) || HelpRegex().IsMatch(q.Normalised) ? new ShowHelp("asked for help") : null)
        .Examples("help")
        .FallbackSuggestions("my open actions", "next DAG meeting", "help");

    private static readonly HashSet<string> GreetingWords =
        ["hi", "hello", "hey", "hiya", "morning", "afternoon", "evening", "good", "there", "yo", "greetings", "howdy", "start", "govbot"];

    [GeneratedRegex(@"\bhelp\b|^(?:\?|what can you do|what do you do|commands|how do i use (?:you|this|govbot)|usage|how does this work|what can i ask(?: you)?)$|^help\b")]
    private static partial Regex HelpRegex();
}
