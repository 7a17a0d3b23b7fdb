using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Notices;

/// <summary>"post notice" (PMO only; the handler checks).</summary>
internal sealed record PostNotice(string Explanation) : Intent(Explanation);

/// <summary>"notice report 12" (PMO only; the handler checks): deliveries, failures, apologies of notice 12.</summary>
internal sealed record NoticeReport(int Number, string Explanation) : Intent(Explanation);

/// <summary>The PMO's notice commands.</summary>
internal static partial class NoticeGrammar
{
    public static void Register(Grammar grammar) => grammar
        .Rule(RuleOrder.Command, "notice report", q =>
            NoticeReportRegex().Match(q.Text) is { Success: true } m && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var number)
                ? new NoticeReport(number, $"report of notice {number}")
                : null)
        .Rule(RuleOrder.Command, "post notice", q => PostNoticeRegex().IsMatch(q.Text) ? new PostNotice("post notice command") : null);

    [GeneratedRegex(@"^notice report (?:for |of )?(?:notice )?#?([0-9]{1,6})\b")] private static partial Regex NoticeReportRegex();
    [GeneratedRegex(@"^(?:post|send|publish) (?:a |an )?(?:new )?notice\b|^new notice$")] private static partial Regex PostNoticeRegex();
}
