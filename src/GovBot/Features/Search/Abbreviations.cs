using System.Text.RegularExpressions;

namespace GovBot.Features.Search;

/// <summary>An abbreviation and the words it stands for, as a text defined it.</summary>
public sealed record Abbreviation(string Abbreviated, string Expansion);

/// <summary>
/// Reads abbreviations from any text where it defines them: "Code of Connections (CoCo)", "Interim Release 8 (IR8)".
/// The words before the brackets are matched to the letters of the short form from the end (after Schwartz and
/// Hearst, 2003): every letter must appear in order, and the first must start a word, so "the approved Market-wide
/// Data Service (MDS)" yields "Market-wide Data Service" and "see the paper (DAG)" yields nothing.
/// </summary>
internal static partial class Abbreviations
{
    public static IEnumerable<Abbreviation> Extract(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        foreach (Match m in InBracketsRegex().Matches(text))
        {
            var shortForm = m.Groups["short"].Value;
            var letters = shortForm.Count(char.IsLetter);
            var upper = shortForm.Count(char.IsUpper);
            // An abbreviation has capitals (MDR, CoCo, IR8); "(see below)" or "(2024)" are not.
            if (letters < 2 || upper < 2 || shortForm.Length > 10) continue;
            var before = text[..m.Index];
            var words = WordRegex().Matches(before).Select(w => w.Value).ToList();
            var take = Math.Min(words.Count, Math.Min(shortForm.Length + 5, shortForm.Length * 2));
            if (take == 0) continue;
            var candidate = string.Join(' ', words.Skip(words.Count - take));
            if (BestLongForm(shortForm, candidate) is { } longForm && !longForm.Equals(shortForm, StringComparison.OrdinalIgnoreCase))
            {
                yield return new Abbreviation(shortForm, longForm);
            }
        }
    }

    /// <summary>The shortest end of <paramref name="candidate"/> whose letters spell <paramref name="shortForm"/>, or null.</summary>
    internal static string? BestLongForm(string shortForm, string candidate)
    {
        var s = shortForm.Length - 1;
        var l = candidate.Length - 1;
        var mixedCase = shortForm.Any(char.IsLower) && shortForm.Count(char.IsUpper) > 1;
        while (s >= 0)
        {
            var c = char.ToLowerInvariant(shortForm[s]);
            if (!char.IsLetterOrDigit(c))
            {
                s--;
                continue;
            }
            // The first letter of the short form must start a word of the long form, and so must every capital
            // of a mixed-case one ("CoCo": Code of Connections); the others may be anywhere.
            var atWordStart = s == 0 || (mixedCase && char.IsUpper(shortForm[s]));
            while (l >= 0 && (char.ToLowerInvariant(candidate[l]) != c || (atWordStart && l > 0 && char.IsLetterOrDigit(candidate[l - 1]))))
            {
                l--;
            }
            if (l < 0) return null;
            l--;
            s--;
        }
        var longForm = candidate[(l + 1)..].Trim();
        // Too many words for the letters means the match wandered into unrelated text.
        return longForm.Split(' ').Length > shortForm.Length + 3 ? null : longForm;
    }

    [GeneratedRegex(@"\((?<short>[A-Za-z][A-Za-z0-9&\-]{1,9}s?)\)")] private static partial Regex InBracketsRegex();
    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9'&\-]*")] private static partial Regex WordRegex();
}
