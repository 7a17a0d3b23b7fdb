namespace GovBot.Recognition;

/// <summary>
/// What a member asked for. <see cref="Explanation"/> says in plain words what was understood and from which words.
/// Each feature declares its own intents beside the rules that recognise them and the answers that serve them.
/// </summary>
public abstract record Intent(string Explanation);

/// <summary>An intent whose answer is a list with pages ("Show more" re-asks the question for the next page).</summary>
public interface IPagedIntent;

/// <summary>An inclusive range of days.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>Not understood; <see cref="Suggestions"/> are the closest example questions.</summary>
public sealed record Unknown(string Text, IReadOnlyList<string> Suggestions, string Explanation) : Intent(Explanation);
