using System.Text.RegularExpressions;
using GovBot.Features.Groups;
using GovBot.People;

namespace GovBot.Features.Checklist;

/// <summary>
/// A programme constituency a checklist item can concern. <see cref="Code"/> is stored with items and settings, so it
/// never changes. <see cref="Parent"/> is the wider constituency it belongs to (DNOs and iDNOs are both LDSOs).
/// </summary>
/// <param name="Pattern">How papers and directory entries name it: abbreviations as written ("MOP", not the "Mop" of "Mop Up").</param>
/// <param name="QuestionPattern">The same words without case: questions arrive lower-cased.</param>
public sealed record Constituency(string Code, string Name, string? Parent, Regex Pattern, Regex QuestionPattern)
{
    public override string ToString() => Name;
}

/// <summary>
/// The constituency vocabulary, defined once: the names and abbreviations the papers and people use. Items are
/// read for party nouns ("Suppliers", "LDSO", "Supplier Agents"), not for adjectives of an industry ("Supply,
/// Distribution &amp; Transmission Licence" names no party), so an item is only narrowed when it says whom it is for.
/// </summary>
public static class Constituencies
{
    // "Supplier" must not swallow "Supplier Agents"; "DNO" must not match inside "iDNO".
    public static readonly IReadOnlyList<Constituency> All =
    [
        C("LDSO", "LDSOs (Licensed Distribution System Operators)", null,
            P(@"\b(?-i:LDSOs?)\b|\blicen[cs]ed distribution (?:system|network) operators?\b")),
        C("DNO", "DNOs (Distribution Network Operators)", "LDSO",
            P(@"\b(?-i:DNOs?)\b|(?<!independent )\bdistribution network operators?\b")),
        C("iDNO", "iDNOs (independent Distribution Network Operators)", "LDSO",
            P(@"\b(?-i:iDNOs?|IDNOs?)\b|\bindependent distribution network operators?\b")),
        C("Supplier", "Suppliers", null,
            P(@"\b(?:(?:large|medium|small|i&c|i ?& ?c|non-domestic|domestic|energy)\s+)?suppliers?\b(?!\s+agents?\b)")),
        C("SupplierAgent", "Supplier Agents", null,
            P(@"\bsupplier agents?\b|\bagents\b|\bmeter(?:ing)? operators?\b|\b(?-i:MOPs?)\b|\bdata (?:collectors?|aggregators?)\b|\b(?:metering|data) services? providers?\b")),
        C("DCC", "DCC (Data Communications Company)", null,
            P(@"\b(?-i:DCC)\b|\bdata communications company\b")),
        C("Elexon", "Elexon", null,
            P(@"\belexon\b")),
        C("NGESO", "National Grid ESO", null,
            P(@"\bnational grid(?: eso| electricity system operator)?\b|\b(?-i:NGESO|ESO)\b|\belectricity system operator\b")),
        C("RECCo", "RECCo", null,
            P(@"\b(?-i:RECCo)\b|\bretail energy code company\b")),
        C("SoftwareProvider", "Software providers", null,
            P(@"\bsoftware (?:providers?|vendors?|suppliers?)\b")),
        C("DIPProvider", "The DIP provider", null,
            P(@"\b(?-i:DIP) (?:service )?providers?\b")),
        C("Consumer", "Consumer representatives", null,
            P(@"\bconsumer (?:representatives?|groups?|bodies)\b|\bcitizens advice\b")),
    ];

    private static readonly Dictionary<string, Constituency> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    // One source for both forms: (?-i:…) marks an abbreviation that is only itself in capitals.
    private static (Regex Text, Regex Question) P(string pattern) =>
        (new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase),
         new(pattern.Replace("(?-i:", "(?:", StringComparison.Ordinal), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));

    private static Constituency C(string code, string name, string? parent, (Regex Text, Regex Question) p) => new(code, name, parent, p.Text, p.Question);

    public static Constituency? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The constituencies a text names, in vocabulary order (empty: it names none, so it is for everyone).</summary>
    public static IReadOnlyList<string> InText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        return All.Where(c => c.Pattern.IsMatch(text)).Select(c => c.Code).ToList();
    }

    /// <summary>
    /// Everything an audience covers: itself, the wider constituencies it belongs to (an item for LDSOs is for DNOs),
    /// and the narrower ones within it (an item for iDNOs is something LDSOs must do).
    /// </summary>
    public static IReadOnlySet<string> Covering(IEnumerable<string> audience)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in audience)
        {
            for (var c = Find(code); c is not null && set.Add(c.Code); c = c.Parent is { } p ? Find(p) : null) { }
            foreach (var child in All.Where(x => string.Equals(x.Parent, code, StringComparison.OrdinalIgnoreCase))) set.Add(child.Code);
        }
        return set;
    }

    /// <summary>Whether an item concerning <paramref name="itemConstituencies"/> applies to <paramref name="audience"/>; an item naming none applies to all.</summary>
    public static bool Applies(IReadOnlyList<string> itemConstituencies, IReadOnlySet<string> covering) =>
        itemConstituencies.Count == 0 || itemConstituencies.Any(covering.Contains);

    /// <summary>
    /// A person's constituencies: read from their organisation and from the constituency of their seats ("Large
    /// Supplier", "iDNO"). Empty when neither names one (the programme's own staff, a code body).
    /// </summary>
    public static IReadOnlyList<string> OfPerson(Person? person, IEnumerable<GroupMembership> seats)
    {
        var codes = new List<string>();
        if (person is not null) codes.AddRange(InText(person.Organisation));
        foreach (var seat in seats) codes.AddRange(InText(seat.Constituency));
        return codes.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The constituencies a (lower-cased) question names: "what do ldsos need to do".</summary>
    public static IReadOnlyList<string> InQuestion(string question) =>
        All.Where(c => c.QuestionPattern.IsMatch(question)).Select(c => c.Code).ToList();

    /// <summary>"LDSOs (Licensed Distribution System Operators) and Suppliers".</summary>
    public static string Describe(IEnumerable<string> codes)
    {
        var names = codes.Select(c => Find(c)?.Name ?? c).ToList();
        return names.Count switch
        {
            0 => "all participants",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }

    /// <summary>Short form for cards: "LDSO, DCC".</summary>
    public static string Brief(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => c switch
    {
        "SupplierAgent" => "Supplier Agents",
        "Supplier" => "Suppliers",
        "SoftwareProvider" => "Software providers",
        "DIPProvider" => "DIP provider",
        "Consumer" => "Consumer",
        "NGESO" => "NG ESO",
        _ => c,
    }));
}
