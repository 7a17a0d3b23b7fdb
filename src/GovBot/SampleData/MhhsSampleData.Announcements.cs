using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Meetings;

namespace GovBot.SampleData;

public static partial class MhhsSampleData
{
    private const string Dag34Source = "DAG 34 papers";
    private const string Dag14Source = "DAG 14 papers";
    private const string Tmag6Source = "TMAG 6 papers";

    /// <summary>
    /// The DAG 34 papers' "Upcoming Governance Meetings" list, without DAG 34 itself (recorded already). The list
    /// gives no numbers or times, so each is keyed by its date; the workshop belongs to no group.
    /// </summary>
    internal static List<Meeting> AnnouncedMeetings() =>
    [
        Announced("SITWG", D("07/03/2024"), extraordinary: false),
        Announced(Meeting.ProgrammeCode, D("08/03/2024"), extraordinary: false, "MHHS Migration Framework Development Workshop 3"),
        Announced("SITAG", D("11/03/2024"), extraordinary: true),
        Announced("QWG", D("12/03/2024"), extraordinary: false),
    ];

    private static Meeting Announced(string group, DateOnly date, bool extraordinary, string? name = null) =>
        new(group, Meeting.UnnumberedOn(date), extraordinary, date, null, null, null, null, [], [], name, Dag34Source);

    /// <summary>The DAG 34 papers' "Upcoming Events": two webinars and the open day.</summary>
    internal static List<ProgrammeEvent> Events() =>
    [
        new(D("07/03/2024"), "Next MHHS Webinar", EventKind.Webinar, T("10:30"), T("11:30"), null, true, "the Pre-Qualification Submission", Dag34Source),
        new(D("12/03/2024"), "MHHS Webinar: Change of Supplier process", EventKind.Webinar, T("12:30"), T("13:00"), null, true, "the Change of Supplier process", Dag34Source),
        new(D("23/04/2024"), "MHHS Open Day", EventKind.OpenDay, null, null, "Elexon's offices, 350 Euston Rd, London NW1 3AW", true, null, Dag34Source),
    ];

    /// <summary>
    /// Other groups' updates as the three papers report them: topics as printed, texts paraphrased, and the CRs,
    /// releases and documents each mentions.
    /// </summary>
    internal static List<GroupUpdate> GroupUpdates() =>
    [
        // TMAG 6 papers (15 June 2022).
        U("CCAG", "25/05/2022", 1, "Code Drafting Planning", "A detailed plan sets the order and timing of code drafting, with review cycles.", Tmag6Source),
        U("CCAG", "25/05/2022", 2, "Code Drafting Principles", "Principles agreed to guide code drafting: follow the design, keep documents lean, cover transition and migration.", Tmag6Source),
        U("CCAG", "25/05/2022", 3, "Data Services", "No evidence that data services governance must change to deliver the TOM; the Programme is agnostic.", Tmag6Source),
        U("CCAG", "25/05/2022", 4, "Code Drafting Working Group (CDWG)", "CDWG terms of reference approved; first meeting end of June or early July.", Tmag6Source),

        // DAG 14 papers (10 August 2022).
        U("PSG", "06/07/2022", 1, "M5 design plan", "Revised design plan to October, delivering all design artefacts by 29 July 2022.", Dag14Source),
        U("PSG", "06/07/2022", 2, "Decision on CR007", "CR007 to be rescinded and replaced by a new CR covering M5 and M3; an extraordinary PSG on 14 July 2022 to decide on impact assessment.", Dag14Source, ["CR007"]),
        U("PSG", "06/07/2022", 3, "Programme re-plan", "Progress on the re-plan and the volunteer planning working groups.", Dag14Source),
        U("PSG", "06/07/2022", 4, "SEC MP162 approval risk", "The risk around MP162 and feedback sought on mitigations.", Dag14Source),
        U("PSG", "06/07/2022", 5, "Pre-meeting webinar", "Feedback on the pre-PSG webinar trial; more webinars to follow.", Dag14Source),
        U("CCAG", "27/07/2022", 1, "Transitional Text Approach and Code Draft Requirements", "Feedback on the transitional text approach; members to say whether qualification depends on M6 or M8.", Dag14Source),
        U("CCAG", "27/07/2022", 2, "Code Draft Working Group (CDWG) update", "Update from the first CDWG and feedback on its terms of reference.", Dag14Source, docs: ["CDWG Terms of Reference"]),
        U("CCAG", "27/07/2022", 3, "Items for approval", "Code draft principles, RACI, resource model and plan approved, with feedback.", Dag14Source),
        U("CCAG", "27/07/2022", 4, "PPC introduction", "The PPC introduced its team and role.", Dag14Source),
        U("TMAG", "20/07/2022", 1, "Test data generator for consumption data", "Feedback on injecting the Programme's generated data into participants' systems.", Dag14Source),
        U("TMAG", "20/07/2022", 2, "Working group deliverables and dependencies tracker", "Forward plan and dependencies between the TMAG working groups reviewed.", Dag14Source),
        U("TMAG", "20/07/2022", 3, "RAID review", "Top five testing and migration risks reviewed; more mitigations identified.", Dag14Source),
        U("TMAG", "20/07/2022", 4, "Working group updates", "Updates from the working groups; EWG terms of reference approved.", Dag14Source),

        // DAG 34 papers (13 March 2024).
        U("SITAG", "21/02/2024", 1, "SITAG Terms of Reference", "Draft terms of reference approved and recommended to PSG.", Dag34Source, docs: ["SITAG Terms of Reference"]),
        U("SITAG", "21/02/2024", 2, "SIT Functional Theme 8", "SRO approved the Theme 8 test scenarios and test cases.", Dag34Source),
        U("SITAG", "21/02/2024", 3, "New Milestone Approach", "SRO approved the new milestone approval approach.", Dag34Source),
        U("SITAG", "21/02/2024", 4, "All SIT Functional Test approach and plans MHHS Reviews Completed", "SRO approved milestone T3-DB-0139 as complete, subject to actions.", Dag34Source),
        U("PSG", "07/02/2024", 1, "Sponsor Update", "Ofgem suggests smart metering for future innovation.", Dag34Source),
        U("PSG", "07/02/2024", 2, "Qualification Testing", "Feedback on the draft Qualification Approach and Plan due 14 February 2024.", Dag34Source),
        U("PSG", "07/02/2024", 3, "Migration Updates", "Migration Control Centre framework under way; workshops in February 2024.", Dag34Source),
        U("PSG", "07/02/2024", 4, "CR042 Decision", "PSG approved CR042 (a Tier 2 migration milestone date).", Dag34Source, ["CR042"]),
        U("PSG", "07/02/2024", 5, "Future Readiness Assessments", "Changes approved to cut participant effort in readiness assessments.", Dag34Source),
        U("PSG", "07/02/2024", 6, "CR036 Decision Appeal", "The appeal is ongoing; parties to carry on as per the original decision.", Dag34Source, ["CR036"]),
        U("DAG", "14/02/2024", 1, "CR039 Decision", "SRO approved CR039 (Registration Service IF-40) for Interim Release 8 on 3 April 2024.", Dag34Source, ["CR039"], ["Interim Release 8"]),
        U("DAG", "14/02/2024", 2, "CR040 Decision", "SRO approved CR040 (NFR E2E1009 for DNO and iDNO roles) for Interim Release 8.", Dag34Source, ["CR040"], ["Interim Release 8"]),
        U("DAG", "14/02/2024", 3, "Rejected CR041", "SRO rejected CR041 under the change freeze; to be considered after M10.", Dag34Source, ["CR041"]),
        U("DAG", "14/02/2024", 4, "CR043 Impact Assessment", "SRO approved CR043 for impact assessment, pending clarifications by 29 February 2024.", Dag34Source, ["CR043"]),
        U("CCAG", "28/02/2024", 1, "Horizon Scanning Log", "Updates from REC; CP1589 withdrawn; new mods and CPs raised.", Dag34Source),
        U("CCAG", "28/02/2024", 2, "CDWG Escalations", "None raised.", Dag34Source),
        U("CCAG", "28/02/2024", 3, "Consequential Code Delivery", "CMP430 and CMP431 presented to Ofgem; urgency requested.", Dag34Source),
        U("CCAG", "28/02/2024", 4, "Code Drafting Working Group (CDWG)", "March CDWGs cancelled for lack of material.", Dag34Source),
        U("CCAG", "28/02/2024", 5, "License Review", "Consultation closed 13 March.", Dag34Source),
        U("QAG", "22/02/2024", 1, "QAG Terms of Reference", "Draft terms of reference approved and recommended to PSG.", Dag34Source, docs: ["QAG Terms of Reference", "SITAG Terms of Reference"]),
        U("QAG", "22/02/2024", 2, "Working Groups under QAG", "The working groups under QAG and the QWG format after CR035.", Dag34Source, ["CR035"]),
        U("QAG", "22/02/2024", 3, "Qualification Milestones", "Proposed changes to qualification milestones; members to consult constituents.", Dag34Source),
        U("MCAG", "27/02/2024", 1, "MCAG Terms of Reference", "Feedback given; endorsement requested for PSG approval.", Dag34Source, docs: ["MCAG Terms of Reference"]),
        U("MCAG", "27/02/2024", 2, "Data Cleanse Plan Decision", "Data Cleanse Plan v2.0 approved.", Dag34Source, docs: ["Data Cleanse Plan v2.0"]),
        U("MCAG", "27/02/2024", 3, "Service Management Strategy", "Service Management Strategy v1.0 approved.", Dag34Source, docs: ["Service Management Strategy v1.0"]),
        U("MCAG", "27/02/2024", 4, "Migration Control Centre Framework", "Update on the Migration Control Centre framework.", Dag34Source),
        U("MCAG", "27/02/2024", 5, "Programme Milestones", "SRO approved moving milestone T3-MI-0023 to 28 May 2024.", Dag34Source),
    ];

    private static GroupUpdate U(string group, string date, int order, string topic, string text, string source,
        IReadOnlyList<string>? crs = null, IReadOnlyList<string>? releases = null, IReadOnlyList<string>? docs = null) =>
        new(group, D(date), order, topic, text, source, crs ?? [], releases ?? [], docs ?? []);
}
