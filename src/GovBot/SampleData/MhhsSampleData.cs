using System.Globalization;
using GovBot.Features.Actions;
using TimeZoneConverter;

namespace GovBot.SampleData;

/// <summary>
/// A realistic sample data set, built by hand from real, public MHHS Programme papers
/// (TMAG 6 of 15 June 2022, DAG 14 of 10 August 2022, DAG 34 of 13 March 2024 and the
/// "Historic Governance Groups" page). Refs, owners as written, dates and statuses are kept
/// exactly; action texts and updates are short paraphrases, not the papers' prose.
/// People who are not named in the papers are clearly marked as fictional.
/// </summary>
/// <remarks>
/// The sample's "present" is <see cref="Present"/> (Wednesday 6 March 2024): the DAG 34 papers
/// (programme updates "updated to 06/03/2024") are the latest papers, DAG is active, TMAG has
/// been replaced by SITAG, MCAG and QAG.
/// </remarks>
public static partial class MhhsSampleData
{
    /// <summary>The day the sample is "as of".</summary>
    public static readonly DateOnly Present = new(2024, 3, 6);

    /// <summary>The person to sign in as for a local demo (owns several open DAG actions, sits on DAG).</summary>
    public const string DemoPersonId = "lee-cox";

    /// <summary>The fictional PMO analyst who is secretariat of the groups.</summary>
    public const string PmoPersonId = "priya-patel";

    private static readonly TimeZoneInfo UkTime = TZConvert.GetTimeZoneInfo("Europe/London");

    public static GovernanceDataSet Build()
    {
        var meetings = Meetings();
        return new GovernanceDataSet(
            Groups: Groups(),
            People: People(),
            Memberships: Memberships(),
            Meetings: [.. meetings, .. AnnouncedMeetings()],
            Actions: Actions(meetings),
            Decisions: Decisions(),
            ChangeRequests: ChangeRequests(),
            Checklist: Checklist(),
            Milestones: Milestones())
        {
            Events = Events(),
            GroupUpdates = GroupUpdates(),
        };
    }

    /// <summary>A date as the papers write it: dd/mm/yyyy.</summary>
    private static DateOnly D(string ukDate) =>
        DateOnly.ParseExact(ukDate, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static TimeOnly T(string hhmm) =>
        TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A UK local date and time (GMT or BST as it was that day) as an instant.</summary>
    internal static DateTimeOffset UkLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, UkTime.GetUtcOffset(local));
    }

    // Owner parties, named for readability in the action log.
    private static OwnerParty Person(string personId) => new(OwnerPartyKind.Person, personId);
    private static OwnerParty MembersOf(string groupCode) => new(OwnerPartyKind.GroupMembers, groupCode);
    private static OwnerParty ChairOf(string groupCode) => new(OwnerPartyKind.GroupChair, groupCode);
    private static readonly OwnerParty Pmo = new(OwnerPartyKind.Pmo, "PMO");
    private static OwnerParty Team(string ownerText) => new(OwnerPartyKind.Organisation, ownerText);
}
