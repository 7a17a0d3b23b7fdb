using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GovBot.Cards;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;

namespace GovBot.Recognition;

/// <summary>
/// Turns a member's plain-English question into an <see cref="Intent"/>. Deterministic rules, no AI: the text is
/// normalised, the things it names are taken out one kind at a time (action refs, CR ids, time windows, people,
/// groups, meetings, statuses), and the words left over decide the intent. Every intent says what matched.
/// </summary>
public static partial class QuestionRecogniser
{
    /// <summary>Longer input is cut to this many characters before it is read.</summary>
    public const int MaxLength = 500;

    /// <summary>Questions GovBot understands; the welcome card and "did you mean" suggestions draw on them.</summary>
    public static readonly IReadOnlyList<string> Examples =
    [
        "my open actions",
        "my overdue actions",
        "open DAG actions",
        "actions due this week",
        "DAG33-04",
        "next DAG meeting",
        "upcoming meetings",
        "agenda for DAG 34",
        "CR043",
        "CRs in impact assessment",
        "open change requests",
        "deadlines",
        "milestones",
        "what is MCAG",
        "my reminder settings",
        "subscribe DAG",
        "subscriptions",
        "help",
    ];

    private static readonly string[] DefaultSuggestions = ["my open actions", "next DAG meeting", "help"];

    public static Intent Recognise(string? text, RecognitionContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var original = text ?? "";
        var normalised = Normalise(original);
        var t = StripFillers(normalised);
        if (t.Length == 0) return new ShowWelcome("empty message: welcome");

        if (RecogniseCommand(t, ctx) is { } command) return command;

        if (t.Split(' ').All(w => GreetingWords.Contains(w))) return new ShowWelcome($"greeting ('{t}')");

        // Things named by their id come first: they are unambiguous.
        var actionRef = ActionRefRegex().Match(t);
        if (actionRef.Success && IsActionRefCode(actionRef.Groups["code"].Value, ctx))
        {
            var canonical = $"{actionRef.Groups["code"].Value.ToUpperInvariant()}{actionRef.Groups["meeting"].Value}-{int.Parse(actionRef.Groups["item"].Value, CultureInfo.InvariantCulture):00}";
            return new ShowAction(canonical, $"action {canonical} (from '{actionRef.Value}')");
        }

        var crId = CrIdRegex().Match(t);
        if (crId.Success && int.Parse(crId.Groups["n"].Value, CultureInfo.InvariantCulture) > 0)
        {
            var id = ChangeRequest.FormatId(int.Parse(crId.Groups["n"].Value, CultureInfo.InvariantCulture));
            return new ShowChangeRequest(id, $"change request {id} (from '{crId.Value}')");
        }

        if (HelpRegex().IsMatch(t) || HelpRegex().IsMatch(normalised)) return new ShowHelp("asked for help");

        // Take out what the text names; what is left decides the intent.
        var rest = t;
        var window = TakeWindow(ref rest, ctx.Today);
        var person = TakePerson(ref rest, ctx);
        var group = TakeGroup(ref rest, ctx);
        var meetingNumber = group is null ? null : group.MeetingNumber;

        var parts = new List<string>();
        var mine = MineRegex().IsMatch(rest);
        var overdue = OverdueRegex().IsMatch(rest);
        var statuses = TakeStatuses(ref rest, parts);

        bool Has(Regex r) => r.IsMatch(rest);
        var actionWord = Has(ActionWordRegex());
        var crWord = Has(CrWordRegex());
        var meetingWord = Has(MeetingWordRegex());
        var deadlineWord = Has(DeadlineWordRegex());
        var milestoneWord = Has(MilestoneWordRegex());

        if (group is { } g && meetingNumber is { } number && !actionWord)
            return new ShowMeeting(g.Code, number, $"meeting {g.Code} {number} ({g.Describe()})");

        if (crWord && !actionWord)
        {
            var stage = CrStage(rest);
            var openOnly = statuses.Contains(ActionStatus.Open) || CrOpenRegex().IsMatch(rest);
            var why = new List<string>();
            if (stage is { } s) why.Add($"stage {StageWords(s)}");
            if (openOnly) why.Add("open only");
            return new ListChangeRequests(stage, openOnly, Join("change requests", why));
        }

        if (actionWord || ((mine || overdue || person is not null || statuses.Count > 0) && !meetingWord && !deadlineWord && !milestoneWord))
        {
            var why = new List<string>();
            if (mine) why.Add("yours (from 'my')");
            if (group is not null) why.Add(group.Describe());
            if (person is not null) why.Add(person.Describe());
            why.AddRange(parts);
            if (overdue) why.Add("overdue");
            if (window is not null) why.Add($"due {window.Describe()}");
            var filter = new ActionFilter(mine, group?.Code, person?.Id, person?.Name, statuses, overdue, window?.Range);
            return new ListActions(filter, Join("actions", why));
        }

        if (group is not null && (NextWordRegex().IsMatch(rest) || WhenRegex().IsMatch(rest)) && !PluralMeetingsRegex().IsMatch(rest))
            return new NextMeeting(group.Code, $"next meeting of {group.Describe()}");

        if (meetingWord || (group is not null && NextWordRegex().IsMatch(rest)))
        {
            var why = new List<string>();
            if (group is not null) why.Add(group.Describe());
            if (window is not null) why.Add(window.Describe());
            return new UpcomingMeetings(window?.Range, group?.Code, Join("upcoming meetings", why));
        }

        if (deadlineWord || (window is not null && DueRegex().IsMatch(rest)))
            return new ListDeadlines(window?.Range, Join("checklist deadlines", window is null ? [] : [window.Describe()]));

        if (milestoneWord) return new ListMilestones("milestones");

        if (group is not null) return new ShowGroup(group.Code, $"about {group.Describe()}");

        return MakeUnknown(original, t);
    }

    /// <summary>The closest example questions to the text, by shared words.</summary>
    public static IReadOnlyList<string> Suggest(string text, int count = 3)
    {
        var words = ContentWords(StripFillers(Normalise(text)));
        var scored = Examples
            .Select((e, i) => (Example: e, Index: i, Score: ContentWords(Normalise(e)).Count(words.Contains)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Select(x => x.Example)
            .Take(count)
            .ToList();
        return scored.Count > 0 ? scored : DefaultSuggestions;
    }

    private static readonly HashSet<string> NotGroupCodes =
        ["cr", "ir", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "week", "day", "days", "page", "item", "monday", "friday", "sunday", "tues", "weds", "thurs"];

    /// <summary>An action ref starts with a group code: a known one, or letters that are not a date or other word.</summary>
    private static bool IsActionRefCode(string code, RecognitionContext ctx) =>
        ctx.Groups.Any(g => g.Code.Equals(code, StringComparison.OrdinalIgnoreCase) || g.Aliases.Any(a => a.Equals(code, StringComparison.OrdinalIgnoreCase)))
        || !NotGroupCodes.Contains(code);

    private static Unknown MakeUnknown(string original, string normalised)
    {
        var suggestions = Suggest(normalised);
        var shown = original.Length > 100 ? original[..100] + "…" : original;
        return new Unknown(shown.Trim(), suggestions, $"no question recognised; closest examples: {string.Join("; ", suggestions)}");
    }

    private static HashSet<string> ContentWords(string normalised) =>
        normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !StopWords.Contains(w) && w != "-")
            .Select(w => w.Length > 3 && w.EndsWith('s') ? w[..^1] : w)
            .ToHashSet();

    private static Intent? RecogniseCommand(string t, RecognitionContext ctx)
    {
        if (NoticeReportRegex().Match(t) is { Success: true } nr && int.TryParse(nr.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var noticeNumber))
            return new NoticeReport(noticeNumber, $"report of notice {noticeNumber}");
        if (ReminderReportRegex().IsMatch(t)) return new ReminderReport("reminder report command");
        if (ReminderSettingsRegex().IsMatch(t)) return new ShowReminderSettings("reminder settings");

        var on = RemindersOnOffRegex().Match(t);
        if (!on.Success) on = TurnRemindersOnOffRegex().Match(t);
        if (on.Success)
        {
            var kind = on.Groups["kind"].Success && on.Groups["kind"].Value.Length > 0 ? ReminderKind.Checklist : ReminderKind.All;
            var enabled = on.Groups["state"].Value is "on" or "start" or "resume" or "enable";
            var what = kind == ReminderKind.Checklist ? "checklist reminders" : "all reminders";
            return new SetReminders(kind, enabled, $"turn {what} {(enabled ? "on" : "off")}");
        }

        if (SubscriptionsRegex().IsMatch(t)) return new ListSubscriptions("list subscriptions");

        var sub = SubscribeRegex().Match(t);
        if (sub.Success)
        {
            var un = sub.Groups["un"].Success && sub.Groups["un"].Value.Length > 0;
            var target = sub.Groups["target"].Value.Trim();
            SubscriptionTarget? what = null;
            string describe = "";
            if (ChecklistTargetRegex().IsMatch(target))
            {
                what = new SubscriptionTarget(null, Checklist: true);
                describe = "the participant checklist";
            }
            else
            {
                var rest = target;
                if (TakeGroup(ref rest, ctx) is { } g)
                {
                    what = new SubscriptionTarget(g.Code, Checklist: false);
                    describe = g.Describe();
                }
            }
            if (what is null)
            {
                var suggestion = un ? "unsubscribe DAG" : "subscribe DAG";
                return new Unknown(t, [suggestion, "subscribe checklist", "subscriptions"],
                    $"'{(un ? "unsubscribe" : "subscribe")}' needs a group code or 'checklist'; '{target}' is neither");
            }
            return un
                ? new Unsubscribe(what, $"unsubscribe from {describe}")
                : new Subscribe(what, $"subscribe to {describe}");
        }

        if (PostNoticeRegex().IsMatch(t)) return new PostNotice("post notice command");
        return null;
    }

    /// <summary>The part of a message GovBot reads: at most <see cref="MaxLength"/> characters, never half an emoji.</summary>
    public static string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxLength) return text;
        var length = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text[..length];
    }

    internal static string Normalise(string text)
    {
        text = Cut(text);
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ch switch
            {
                '\u2018' or '\u2019' or '\u201B' or '`' or '\u00B4' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ when char.IsWhiteSpace(ch) || char.IsControl(ch) => ' ',
                _ => ch,
            };
            sb.Append(char.ToLowerInvariant(c));
        }
        var s = sb.ToString().Replace("&", " and ", StringComparison.Ordinal);
        s = WhatIsRegex().Replace(s, "what is");
        s = PossessiveRegex().Replace(s, "");
        s = NonDecimalDotRegex().Replace(s, " ");
        s = NonWordRegex().Replace(s, " ");
        s = LooseHyphenRegex().Replace(s, " ");
        return SpacesRegex().Replace(s, " ").Trim();
    }

    private static string StripFillers(string t)
    {
        var s = FillerRegex().Replace(" " + t + " ", " ");
        return SpacesRegex().Replace(s, " ").Trim();
    }

    private static IReadOnlySet<ActionStatus> TakeStatuses(ref string rest, List<string> parts)
    {
        var set = new HashSet<ActionStatus>();
        if (RecommendRegex().IsMatch(rest))
        {
            set.Add(ActionStatus.RecommendClosed);
            parts.Add("status recommended for closure");
            rest = RecommendRegex().Replace(rest, " ");
        }
        if (ClosedRegex().IsMatch(rest))
        {
            set.Add(ActionStatus.Closed);
            parts.Add("status closed");
        }
        if (OngoingRegex().IsMatch(rest))
        {
            set.Add(ActionStatus.Ongoing);
            parts.Add("status ongoing");
        }
        if (OpenRegex().IsMatch(rest))
        {
            set.Add(ActionStatus.Open);
            set.Add(ActionStatus.Ongoing);
            set.Add(ActionStatus.RecommendClosed);
            parts.Add("status open (not closed)");
        }
        return set;
    }

    private static ChangeRequestStage? CrStage(string rest)
    {
        if (InitialAssessmentRegex().IsMatch(rest)) return ChangeRequestStage.InitialAssessment;
        if (ImpactAssessmentRegex().IsMatch(rest)) return ChangeRequestStage.ImpactAssessment;
        if (DecisionStageRegex().IsMatch(rest)) return ChangeRequestStage.Decision;
        if (ImplementationRegex().IsMatch(rest)) return ChangeRequestStage.Implementation;
        if (ClosedRegex().IsMatch(rest)) return ChangeRequestStage.Closed;
        if (RaisedRegex().IsMatch(rest)) return ChangeRequestStage.Raised;
        return null;
    }

    /// <summary>"Impact assessment": the stage as the stepper names it.</summary>
    private static string StageWords(ChangeRequestStage stage) => stage switch
    {
        ChangeRequestStage.Raised => "Raised",
        ChangeRequestStage.InitialAssessment => "Initial assessment",
        ChangeRequestStage.ImpactAssessment => "Impact assessment",
        ChangeRequestStage.Decision => "Decision",
        ChangeRequestStage.Implementation => "Implementation",
        _ => "Closed",
    };

    private static string Join(string head, IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? head : $"{head}: {string.Join(", ", list)}";
    }

    // ---- groups, meetings, people ----

    private sealed record GroupMatch(string Code, string Phrase, string? MeetingNumber)
    {
        public string Describe() =>
            Phrase.Equals(Code, StringComparison.OrdinalIgnoreCase) ? $"group {Code}" : $"group {Code} (from '{Phrase}')";
    }

    private static GroupMatch? TakeGroup(ref string rest, RecognitionContext ctx)
    {
        var candidates = ctx.Groups
            .SelectMany(g => new[] { g.Code, g.Name }.Concat(g.Aliases).Select(p => (g.Code, Phrase: Normalise(p))))
            .Where(x => x.Phrase.Length >= 2)
            .OrderByDescending(x => x.Phrase.Length);
        foreach (var (code, phrase) in candidates)
        {
            var m = Regex.Match(rest, $@"(?<![a-z0-9]){Regex.Escape(phrase)}(?![a-z])(?:\s*(?:meeting|no|number)?\s*(?<n>\d{{1,3}}(?:\.\d{{1,2}})?)(?![\d\-]))?",
                RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!m.Success) continue;
            rest = (rest[..m.Index] + " " + rest[(m.Index + m.Length)..]).Trim();
            return new GroupMatch(code, phrase, m.Groups["n"].Success ? m.Groups["n"].Value : null);
        }
        return null;
    }

    private sealed record PersonMatch(string Id, string Name, string Phrase)
    {
        public string Describe() => $"person {Name} (from '{Phrase}')";
    }

    private static PersonMatch? TakePerson(ref string rest, RecognitionContext ctx)
    {
        var candidates = ctx.People
            .SelectMany(p => new[] { p.Name }.Concat(p.Aliases).Select(a => (Person: p, Phrase: Normalise(a))))
            .Where(x => x.Phrase.Length >= 3 && x.Phrase.Contains(' ', StringComparison.Ordinal))
            .OrderByDescending(x => x.Phrase.Length);
        foreach (var (person, phrase) in candidates)
        {
            var m = Regex.Match(rest, $@"(?<![a-z0-9]){Regex.Escape(phrase)}(?![a-z0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!m.Success) continue;
            rest = (rest[..m.Index] + " " + rest[(m.Index + m.Length)..]).Trim();
            return new PersonMatch(person.Id, person.Name, phrase);
        }
        return null;
    }

    // ---- time windows ----

    private sealed record WindowMatch(DateRange Range, string Words)
    {
        public string Describe() =>
            Range.From == Range.To
                ? $"{Words} ({UkFormat.ShortDate(Range.From)})"
                : $"{Words} ({UkFormat.ShortDate(Range.From)} – {UkFormat.ShortDate(Range.To)})";
    }

    private static WindowMatch? TakeWindow(ref string rest, DateOnly today)
    {
        WindowMatch? found = null;
        Match m;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if ((m = TodayRegex().Match(rest)).Success) found = new(new(today, today), "today");
        else if ((m = TomorrowRegex().Match(rest)).Success) found = new(new(today.AddDays(1), today.AddDays(1)), "tomorrow");
        else if ((m = ThisWeekRegex().Match(rest)).Success) found = new(new(monday, monday.AddDays(6)), "this week");
        else if ((m = NextWeekRegex().Match(rest)).Success) found = new(new(monday.AddDays(7), monday.AddDays(13)), "next week");
        else if ((m = NextNRegex().Match(rest)).Success)
        {
            var n = NumberWord(m.Groups["n"].Value);
            var days = m.Groups["unit"].Value.StartsWith("week", StringComparison.Ordinal) ? n * 7 : m.Groups["unit"].Value.StartsWith("month", StringComparison.Ordinal) ? 0 : n;
            var to = days > 0 ? today.AddDays(days - 1) : today.AddMonths(n).AddDays(-1);
            found = new(new(today, to), $"next {n} {m.Groups["unit"].Value}");
        }
        else if ((m = ThisMonthRegex().Match(rest)).Success)
            found = new(MonthRange(today.Year, today.Month), "this month");
        else if ((m = NextMonthRegex().Match(rest)).Success)
        {
            var next = today.AddMonths(1);
            found = new(MonthRange(next.Year, next.Month), "next month");
        }
        else if ((m = MonthRegex().Match(rest)).Success && (m.Groups["in"].Success || m.Groups["year"].Success || m.Groups["month"].Value.Length > 3 && m.Groups["month"].Value != "may"))
        {
            var month = Array.FindIndex(MonthNames, n => m.Groups["month"].Value.StartsWith(n, StringComparison.Ordinal)) + 1;
            var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)
                : month >= today.Month ? today.Year : today.Year + 1;
            found = new(MonthRange(year, month), $"in {UkFormat.MonthName(month)} {year}");
        }
        if (found is null) return null;
        rest = (rest[..m.Index] + " " + rest[(m.Index + m.Length)..]).Trim();
        return found;
    }

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static DateRange MonthRange(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    private static int NumberWord(string s) => s switch
    {
        "a" or "one" => 1,
        "two" or "couple of" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        _ => Math.Clamp(int.Parse(s, CultureInfo.InvariantCulture), 1, 52),
    };

    // ---- vocabularies ----

    private static readonly HashSet<string> GreetingWords =
        ["hi", "hello", "hey", "hiya", "morning", "afternoon", "evening", "good", "there", "yo", "greetings", "howdy", "start", "govbot"];

    private static readonly HashSet<string> StopWords =
        ["the", "a", "an", "of", "for", "to", "in", "on", "is", "are", "what", "me", "show", "please", "and", "my", "i", "any", "all", "do", "about"];

    [GeneratedRegex(@"\bwhat'?s\b")] private static partial Regex WhatIsRegex();
    [GeneratedRegex(@"'s\b")] private static partial Regex PossessiveRegex();
    [GeneratedRegex(@"(?<!\d)\.|\.(?!\d)")] private static partial Regex NonDecimalDotRegex();
    [GeneratedRegex(@"[^a-z0-9.\- ]")] private static partial Regex NonWordRegex();
    [GeneratedRegex(@"^[\s-]+|[\s-]+$")] private static partial Regex LooseHyphenRegex();
    [GeneratedRegex(@"\s+")] private static partial Regex SpacesRegex();

    [GeneratedRegex(@" (?:please|pls|plz|thanks|thank you|cheers|govbot|hey govbot|hi govbot|can you|could you|would you|can i|could i|can i see|can i have|show me|tell me|give me|send me|get me|list|show|display|find|see|what are|what is on|i want|i would like|i'd like|id like|let me see|the|all)(?= )")]
    private static partial Regex FillerRegex();

    [GeneratedRegex(@"(?<![a-z0-9])(?<code>[a-z]{2,6})\s*(?<meeting>\d{1,3}(?:\.\d{1,2})?)\s*-\s*(?<item>\d{1,2})(?!\d)")]
    private static partial Regex ActionRefRegex();

    [GeneratedRegex(@"(?<![a-z0-9])(?:cr|change requests?|change req)[\s\-#]*(?:no\s*|number\s*)?0*(?<n>\d{1,3})(?!\d)")]
    private static partial Regex CrIdRegex();

    [GeneratedRegex(@"\bhelp\b|^(?:\?|what can you do|what do you do|commands|how do i use (?:you|this|govbot)|usage|how does this work|what can i ask(?: you)?)$|^help\b")]
    private static partial Regex HelpRegex();

    [GeneratedRegex(@"\b(?:my|mine|i|assigned to me|for me|i own)\b")] private static partial Regex MineRegex();
    [GeneratedRegex(@"\b(?:overdue|late|past due|past their due date|missed)\b")] private static partial Regex OverdueRegex();
    [GeneratedRegex(@"\brecommend(?:ed|s)?\s*(?:for\s*|to\s*|as\s*)?clos(?:e|ed|ure|ing)\b")] private static partial Regex RecommendRegex();
    [GeneratedRegex(@"\b(?:closed|completed|done|finished)\b")] private static partial Regex ClosedRegex();
    [GeneratedRegex(@"\b(?:ongoing|in progress)\b")] private static partial Regex OngoingRegex();
    [GeneratedRegex(@"\b(?:open|outstanding)\b")] private static partial Regex OpenRegex();

    [GeneratedRegex(@"\b(?:actions?|tasks?|to ?dos?|action log|action items?)\b")] private static partial Regex ActionWordRegex();
    [GeneratedRegex(@"\b(?:crs?|change requests?|change req)\b")] private static partial Regex CrWordRegex();
    [GeneratedRegex(@"\b(?:open|live|active|current|in progress|pending|outstanding)\b")] private static partial Regex CrOpenRegex();
    [GeneratedRegex(@"\b(?:meetings?|agendas?|papers|meet|meeting dates?|calendar)\b")] private static partial Regex MeetingWordRegex();
    [GeneratedRegex(@"\bmeetings\b")] private static partial Regex PluralMeetingsRegex();
    [GeneratedRegex(@"\b(?:next|upcoming|coming up|forthcoming|soon|future)\b")] private static partial Regex NextWordRegex();
    [GeneratedRegex(@"\bwhen\b")] private static partial Regex WhenRegex();
    [GeneratedRegex(@"\b(?:deadlines?|checklist|due dates?|cut offs?|cutoffs?)\b")] private static partial Regex DeadlineWordRegex();
    [GeneratedRegex(@"\bdue\b")] private static partial Regex DueRegex();
    [GeneratedRegex(@"\b(?:milestones?|rag|programme plan|plan)\b")] private static partial Regex MilestoneWordRegex();

    [GeneratedRegex(@"\binitial assessment\b")] private static partial Regex InitialAssessmentRegex();
    [GeneratedRegex(@"\b(?:impact assessment|impact assessed|ia)\b")] private static partial Regex ImpactAssessmentRegex();
    [GeneratedRegex(@"\b(?:decision|awaiting decision|for decision)\b")] private static partial Regex DecisionStageRegex();
    [GeneratedRegex(@"\b(?:implementation|being implemented|implementing)\b")] private static partial Regex ImplementationRegex();
    [GeneratedRegex(@"\b(?:raised|new)\b")] private static partial Regex RaisedRegex();

    [GeneratedRegex(@"\btoday\b")] private static partial Regex TodayRegex();
    [GeneratedRegex(@"\btomorrow\b")] private static partial Regex TomorrowRegex();
    [GeneratedRegex(@"\b(?:this|current) week\b")] private static partial Regex ThisWeekRegex();
    [GeneratedRegex(@"\bnext week\b")] private static partial Regex NextWeekRegex();
    [GeneratedRegex(@"\b(?:in the next|within the next|over the next|next|within|coming|in)\s+(?<n>\d{1,2}|a|one|two|three|four|five|six|couple of)\s+(?<unit>days?|weeks?|months?)\b")]
    private static partial Regex NextNRegex();
    [GeneratedRegex(@"\b(?:this|current) month\b")] private static partial Regex ThisMonthRegex();
    [GeneratedRegex(@"\bnext month\b")] private static partial Regex NextMonthRegex();
    [GeneratedRegex(@"(?:\b(?<in>in|during|for|by end of|end of)\s+)?\b(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b(?:\s+(?<year>20\d\d)\b)?")]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"\breminders? report\b")] private static partial Regex ReminderReportRegex();
    [GeneratedRegex(@"^notice report (?:for |of )?(?:notice )?#?([0-9]{1,6})\b")] private static partial Regex NoticeReportRegex();
    [GeneratedRegex(@"\b(?:my )?reminders? (?:settings?|preferences|prefs|status)\b|^(?:my )?reminders$|^(?:my )?settings$")] private static partial Regex ReminderSettingsRegex();
    [GeneratedRegex(@"^(?:turn |switch |set )?(?:my )?(?<kind>checklist |deadline )?reminders? (?:to )?(?<state>off|on)$|^(?<state>stop|pause|mute|disable|start|resume|enable) (?:my )?(?<kind>checklist |deadline )?reminders?$")]
    private static partial Regex RemindersOnOffRegex();
    [GeneratedRegex(@"^(?:turn|switch) (?<state>off|on) (?:my )?(?<kind>checklist |deadline )?reminders?$")] private static partial Regex TurnRemindersOnOffRegex();
    [GeneratedRegex(@"^(?:my )?subscriptions$|^what am i subscribed to$|^(?:list|show) (?:my )?subscriptions$")] private static partial Regex SubscriptionsRegex();
    [GeneratedRegex(@"^(?<un>un)?subscribe(?: me)?(?: to| from)?(?<target>(?: .*)?)$")] private static partial Regex SubscribeRegex();
    [GeneratedRegex(@"^(?:the )?(?:participant )?(?:checklist|deadlines)$")] private static partial Regex ChecklistTargetRegex();
    [GeneratedRegex(@"^(?:post|send|publish) (?:a |an )?(?:new )?notice\b|^new notice$")] private static partial Regex PostNoticeRegex();
}
