using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;

namespace GovBot.Features.Notices;

/// <summary>
/// The compose form's inputs as submitted (every value a string, as Teams sends them), and their validation. The
/// card checks the same rules (isRequired, regex); the server checks again because a card payload can say anything.
/// </summary>
internal sealed partial record NoticeForm(
    string? Group,
    string? Meeting,
    string? Number,
    string? Title,
    string? Date,
    string? Start,
    string? End,
    string? Location,
    string? JoinUrl,
    string? Agenda,
    string? PapersUrl,
    string? Message)
{
    public const string GroupField = "group";
    public const string MeetingField = "meeting";
    public const string NumberField = "number";
    public const string TitleField = "title";
    public const string DateField = "date";
    public const string StartField = "start";
    public const string EndField = "end";
    public const string LocationField = "location";
    public const string JoinUrlField = "joinUrl";
    public const string AgendaField = "agenda";
    public const string PapersUrlField = "papersUrl";
    public const string MessageField = "message";

    public const int MaxTitle = 120;
    public const int MaxLocation = 200;
    public const int MaxUrl = 500;
    public const int MaxAgenda = 3000;
    public const int MaxMessage = 1000;

    /// <summary>Card-side patterns (ECMAScript syntax, as the client runs them).</summary>
    public const string NumberPattern = "^[0-9]{1,3}(\\.[0-9]{1,2})?$";
    public const string UrlPattern = "^https://\\S+$";

    public static readonly NoticeForm Empty = new(null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>Reads the inputs from the action data (missing or non-string values are null; overlong text is kept, then refused).</summary>
    public static NoticeForm Read(JsonElement data)
    {
        string? S(string name) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && v.GetString() is { } s && s.Trim() is { Length: > 0 } t ? (t.Length > 10_000 ? t[..10_000] : t) : null;
        return new(S(GroupField), S(MeetingField), S(NumberField), S(TitleField), S(DateField), S(StartField), S(EndField),
            S(LocationField), S(JoinUrlField), S(AgendaField), S(PapersUrlField), S(MessageField));
    }

    /// <summary>The form filled from a notice (Edit from the preview).</summary>
    public static NoticeForm From(NoticeDetails d) => new(
        d.GroupCode, d.MeetingNumber is { } n ? MeetingKey(d.GroupCode, n) : null, d.MeetingNumber, d.MeetingTitle,
        d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Start.ToString("HH:mm", CultureInfo.InvariantCulture), d.End.ToString("HH:mm", CultureInfo.InvariantCulture),
        d.Location, d.JoinUrl, d.Agenda, d.PapersUrl, d.Message);

    /// <summary>The form filled from a meeting record: date, times, place, agenda and papers.</summary>
    public NoticeForm PrefillFrom(Meeting m) => this with
    {
        Group = m.GroupCode,
        Meeting = MeetingKey(m.GroupCode, m.Number),
        Number = m.Number,
        Title = m.Title,
        Date = m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Start = m.Start?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? Start,
        End = m.End?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? End,
        Location = m.Location ?? Location,
        JoinUrl = m.JoinUrl ?? JoinUrl,
        Agenda = AgendaText(m) ?? Agenda,
        PapersUrl = m.Documents.FirstOrDefault(d => d.Kind == "Papers" && d.Url is not null)?.Url ?? PapersUrl,
    };

    /// <summary>"DAG|34": the meeting choice's value.</summary>
    public static string MeetingKey(string group, string number) => $"{group}|{number}";

    public static (string Group, string Number)? ParseMeetingKey(string? key) =>
        key?.Split('|') is [{ Length: > 0 } g, { Length: > 0 } n] ? (g, n) : null;

    /// <summary>"1. Welcome (Chair)\n2. Minutes and actions …": the agenda as one editable text.</summary>
    public static string? AgendaText(Meeting m) => m.Agenda.Count == 0 ? null
        : string.Join("\n", m.Agenda.Select(a => $"{a.Number}. {a.Title}{(a.Lead is { } l ? $" ({l})" : "")}"));

    /// <summary>
    /// Checks every field; returns the notice's details, or the errors by field id (nothing is saved or sent then).
    /// </summary>
    public (NoticeDetails? Details, IReadOnlyDictionary<string, string> Errors) Validate(
        IReadOnlyCollection<Groups.Group> groups, Meeting? meeting, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var group = Group is { } code ? groups.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.OrdinalIgnoreCase)) : null;
        if (group is null) errors[GroupField] = "Choose the group the notice is for.";

        var picked = ParseMeetingKey(Meeting);
        if (Meeting is not null && (picked is null || meeting is null)) errors[MeetingField] = "That meeting is not in the meeting records; pick another or enter its number.";
        else if (meeting is not null && group is not null && meeting.GroupCode != group.Code) errors[MeetingField] = $"{meeting.Title} is not a {group.Code} meeting.";

        if (Number is not null && !NumberRegex().IsMatch(Number)) errors[NumberField] = "Use a meeting number like 34 or 10.1.";
        if (Title is { Length: > MaxTitle }) errors[TitleField] = $"Keep the title under {MaxTitle} characters.";
        else if (Title is null && Number is null && meeting is null && !errors.ContainsKey(MeetingField)) errors[TitleField] = "Pick a meeting, or enter its number or a title.";

        DateOnly date = default;
        if (Date is null) errors[DateField] = "Enter the meeting date.";
        else if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) errors[DateField] = "Enter the date as a date (yyyy-mm-dd).";
        else if (date < today) errors[DateField] = "The meeting date is in the past.";

        TimeOnly start = default, end = default;
        if (Start is null) errors[StartField] = "Enter the start time.";
        else if (!TryTime(Start, out start)) errors[StartField] = "Enter the start time as hh:mm.";
        if (End is null) errors[EndField] = "Enter the end time.";
        else if (!TryTime(End, out end)) errors[EndField] = "Enter the end time as hh:mm.";
        else if (!errors.ContainsKey(StartField) && end <= start) errors[EndField] = "The end time must be after the start time.";

        if (Location is null && JoinUrl is null) errors[LocationField] = "Give a location or a join link.";
        else if (Location is { Length: > MaxLocation }) errors[LocationField] = $"Keep the location under {MaxLocation} characters.";
        if (JoinUrl is not null && !IsHttps(JoinUrl)) errors[JoinUrlField] = "The join link must be an https:// address.";
        if (PapersUrl is not null && !IsHttps(PapersUrl)) errors[PapersUrlField] = "The papers link must be an https:// address.";
        if (Agenda is { Length: > MaxAgenda }) errors[AgendaField] = $"Keep the agenda under {MaxAgenda} characters.";
        if (Message is { Length: > MaxMessage }) errors[MessageField] = $"Keep the message under {MaxMessage} characters.";

        if (errors.Count > 0) return (null, errors);
        var number = meeting?.Number ?? Number;
        var title = Title ?? meeting?.Title ?? $"{group!.Code} {number}";
        return (new NoticeDetails(group!.Code, number, title, date, start, end, Location, JoinUrl,
            Agenda ?? (meeting is null ? null : AgendaText(meeting)), PapersUrl, Message), errors);
    }

    internal static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    internal static bool IsHttps(string url) =>
        url.Length <= MaxUrl && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && !url.Any(char.IsWhiteSpace);

    [GeneratedRegex(NumberPattern)] private static partial Regex NumberRegex();
}
