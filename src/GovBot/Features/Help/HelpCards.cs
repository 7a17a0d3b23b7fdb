using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Recognition;

namespace GovBot.Features.Help;

/// <summary>Welcome, help and "did you mean" cards. Question buttons post the question as the user (imBack).</summary>
public static class HelpCards
{
    /// <summary>The questions offered as buttons on the welcome card.</summary>
    public static readonly IReadOnlyList<string> MainQuestions =
        ["my open actions", "my overdue actions", "upcoming meetings", "deadlines", "open change requests", "help"];

    /// <param name="notInDirectory">A personal install by someone the programme directory does not know: say what they get and how to be matched.</param>
    public static JsonObject Welcome(string? userName = null, bool notInDirectory = false)
    {
        var hello = string.IsNullOrWhiteSpace(userName) ? "Hello, I'm GovBot" : $"Hello {CardKit.Safe(userName, 60)}, I'm GovBot";
        var body = new List<CardElement>
        {
            CardKit.Title(hello),
            new TextBlock("I answer questions about the MHHS programme's governance: your actions, meetings and agendas, change requests, checklist deadlines and milestones."),
        };
        if (notInDirectory)
        {
            body.Add(new TextBlock("I couldn't find you in the programme directory, so for now I'll send you the programme-wide participant checklist reminders here (say **checklist reminders off** to stop them).") { Spacing = Spacing.Medium });
            body.Add(new TextBlock("To get reminders of your own actions, ask the PMO to add you to GovBot's directory with the e-mail address of this Teams account (and your organisation, so checklist items for your constituency are marked). Then send me any message and your personal reminders start.") { Spacing = Spacing.Small });
        }
        body.Add(new TextBlock("Ask in plain English, for example **next DAG meeting** or **DAG33-04**, or pick a question:") { Spacing = Spacing.Medium });
        body.Add(new ActionSet([.. MainQuestions.Take(3).Select(q => ActionSubmit.ImBack(Sentence(q), q))]));
        body.Add(new ActionSet([.. MainQuestions.Skip(3).Select(q => ActionSubmit.ImBack(Sentence(q), q))]) { Spacing = Spacing.Small });
        return CardKit.Build(new AdaptiveCard(body));
    }

    /// <summary>The help card: a section of examples for each feature that has questions.</summary>
    public static JsonObject Help(IReadOnlyList<HelpSection> sections)
    {
        var body = new List<CardElement>
        {
            CardKit.Title("What you can ask GovBot"),
            new TextBlock("Mention me in a channel or message me directly. I understand group codes and names (DAG, design advisory group), meetings (DAG 34), action refs (DAG33-04), CR numbers (CR043) and time words (this week, next 2 weeks, in April)."),
        };
        foreach (var (heading, examples) in sections)
        {
            body.Add(CardKit.SectionHeading(heading));
            body.Add(new TextBlock(CardKit.Bullets(examples.Select(e => $"_{e}_"))));
        }
        return CardKit.Build(new AdaptiveCard(body, [.. MainQuestions.Take(5).Select(q => ActionSubmit.ImBack(Sentence(q), q))]));
    }

    /// <summary>Not understood: say so, show what was read, offer the closest questions as buttons.</summary>
    public static JsonObject Unknown(string text, IReadOnlyList<string> suggestions)
    {
        var body = new List<CardElement>
        {
            CardKit.Title("Sorry, I didn't understand that"),
        };
        if (!string.IsNullOrWhiteSpace(text)) body.Add(new TextBlock($"You asked: _{CardKit.Safe(text.Replace('_', ' ').Replace('*', ' '), 200)}_") { IsSubtle = true });
        body.Add(new TextBlock(suggestions.Count > 0 ? "Did you mean one of these?" : "Try one of these:"));
        var questions = suggestions.Count > 0 ? suggestions.Take(4).ToList() : ["my open actions", "upcoming meetings"];
        var actions = questions.Select(q => (CardButton)ActionSubmit.ImBack(Sentence(q), q)).ToList();
        if (!questions.Contains("help")) actions.Add(ActionSubmit.ImBack("Help", "help"));
        return CardKit.Build(new AdaptiveCard(body, actions));
    }

    private static string Sentence(string q) => char.ToUpperInvariant(q[0]) + q[1..];
}
