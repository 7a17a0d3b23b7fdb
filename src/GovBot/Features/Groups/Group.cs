namespace GovBot.Features.Groups;

/// <summary>A governance group (advisory group, working group, sub-group) of the programme.</summary>
/// <param name="Code">Short code as used in papers and action refs, e.g. "DAG", "SITAG".</param>
/// <param name="Level">Governance level: 1 sponsor, 2 steering group, 3 advisory group, 4 working group or sub-group.</param>
/// <param name="ParentCode">The group this one reports to, if any (EWG under TMAG).</param>
/// <param name="Cadence">When it normally meets; null for ad hoc groups.</param>
/// <param name="IsActive">False once the group has been stood down ("historic").</param>
/// <param name="Aliases">Other names members use for it ("design advisory group", "TAG").</param>
public sealed record Group(
    string Code,
    string Name,
    int Level,
    string? ParentCode,
    MeetingCadence? Cadence,
    bool IsActive,
    string? Purpose,
    string? ChairPersonId,
    string? SecretariatPersonId,
    IReadOnlyList<string> Aliases,
    bool IsRestricted = false);

/// <summary>"Third Wednesday of the month, 10:00-12:30": the nth (or last, -1) weekday of each month.</summary>
public sealed record MeetingCadence(int WeekOfMonth, DayOfWeek Day, TimeOnly? Start = null, TimeOnly? End = null)
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth"];

    public string Describe() =>
        $"{(WeekOfMonth == -1 ? "last" : Ordinals[WeekOfMonth - 1])} {Day} of the month" +
        (Start is { } s ? $", {s:HH\\:mm}" + (End is { } e ? $"-{e:HH\\:mm}" : "") : "");

    /// <summary>The meeting day this cadence gives in the given month.</summary>
    public DateOnly DayIn(int year, int month)
    {
        if (WeekOfMonth == -1)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)Day + 7) % 7));
        }
        var first = new DateOnly(year, month, 1);
        var offset = ((int)Day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (WeekOfMonth - 1)));
    }

    /// <summary>The first cadence day on or after <paramref name="from"/>.</summary>
    public DateOnly NextOnOrAfter(DateOnly from)
    {
        var candidate = DayIn(from.Year, from.Month);
        if (candidate >= from) return candidate;
        var next = from.AddMonths(1);
        return DayIn(next.Year, next.Month);
    }
}

public enum MembershipRole
{
    Chair,
    Member,
    Alternate,
    Secretariat,
}

/// <summary>A person's seat in a group; constituency as written in the terms of reference ("Large Supplier").</summary>
public sealed record GroupMembership(string GroupCode, string PersonId, MembershipRole Role, string? Constituency);
