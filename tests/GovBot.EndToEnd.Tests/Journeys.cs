namespace GovBot.EndToEnd.Tests;

/// <summary>
/// Question-and-answer journeys: what a member types in the Playground, and what the card GovBot answers with must
/// say. One line per journey; new capabilities (reminders, notices, …) add theirs here.
/// </summary>
public static class Journeys
{
    public sealed record Journey(string Question, string CardMarker, string[] CardSays)
    {
        public override string ToString() => Question;
    }

    public static readonly IReadOnlyList<Journey> QuestionsAndCards =
    [
        new("next DAG meeting", "DAG 34", ["DAG 34", "Wednesday 13 March 2024"]),
        new("CR043", "CR043", ["CR043", "Supplier Registration of ABMU and MPAN Mapping"]),
        new("DAG33-04", "DAG33-04", ["DAG33-04"]),
        new("who chairs DAG", "Who chairs DAG", ["Justin Andrews", "chairs DAG"]),
        // Recorded beats expected: the papers announce an extraordinary SITAG before the cadence's 20 March.
        new("next SITAG?", "Extraordinary SITAG meeting", ["Monday 11 March 2024", "DAG 34 papers"]),
        new("when is the open day", "MHHS Open Day", ["Tuesday 23 April 2024", "Euston"]),
        new("what do LDSOs need to do this week", "Checklist items for LDSO", ["Friday 8 March 2024", "non-SIT LDSO test scenarios", "From DAG 34 papers"]),
    ];

    /// <summary>The questions, as theory data (strings, so each journey is its own test case).</summary>
    public static TheoryData<string> Questions()
    {
        var data = new TheoryData<string>();
        foreach (var journey in QuestionsAndCards)
        {
            data.Add(journey.Question);
        }

        return data;
    }

    public static Journey Find(string question) => QuestionsAndCards.Single(j => j.Question == question);
}
