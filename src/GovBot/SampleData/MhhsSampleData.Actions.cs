using GovBot.Features.Actions;
using GovBot.Features.Meetings;

namespace GovBot.SampleData;

public static partial class MhhsSampleData
{
    private const ActionStatus Open = ActionStatus.Open;
    private const ActionStatus Ongoing = ActionStatus.Ongoing;
    private const ActionStatus RecommendClosed = ActionStatus.RecommendClosed;
    private const ActionStatus Closed = ActionStatus.Closed;

    /// <summary>Papers an action log was imported from.</summary>
    internal sealed record SourcePaper(string Title, DateOnly MeetingDate)
    {
        public string ImportedBy => $"Imported from {Title} papers";
    }

    internal static readonly SourcePaper Tmag6Papers = new("TMAG 6", new(2022, 6, 15));
    internal static readonly SourcePaper Dag14Papers = new("DAG 14", new(2022, 8, 10));
    internal static readonly SourcePaper Dag34Papers = new("DAG 34", new(2024, 3, 13));

    /// <summary>One row of an action log as it appears in one set of papers.</summary>
    private sealed record Row(
        SourcePaper Paper, string Ref, string? Raised, string Text, string OwnerText,
        OwnerParty[] Owners, string Due, ActionStatus Status, string Update);

    /// <summary>
    /// Every row of the action logs in the TMAG 6, DAG 14 and DAG 34 papers. Refs, raised dates,
    /// owner text, due dates and statuses exactly as written (statuses normalised); texts and
    /// updates paraphrased. An action seen in several papers takes its fields from the latest.
    /// Where a paper gives no raised date, it is the date of the raising meeting.
    /// </summary>
    private static List<ActionItem> Actions(IReadOnlyList<Meeting> meetings)
    {
        Row[] rows =
        [
            // ---- TMAG 6, 15 June 2022 ----
            new(Tmag6Papers, "TAG02-05", "16/02/2022",
                "TAG members to give their views on programme milestones in the re-plan consultation.",
                "TMG Members", [MembersOf("TMAG")], "18/05/2022", RecommendClosed,
                "PMO had received no feedback."),
            new(Tmag6Papers, "TMAG05-01", "15/05/2022",
                "Check with constituents that participants can load the programme's generated test data into their systems, and feed back to PMO before the next TMAG.",
                "TMAG members", [MembersOf("TMAG")], "15/06/2022", Open,
                "Still no feedback to PMO; to be discussed at TMAG."),
            new(Tmag6Papers, "TMAG05-02", "15/05/2022",
                "Circulate the MWG headline report to TMAG members.",
                "Programme (PMO)", [Pmo], "19/05/2022", Closed,
                "Sent out with the May TMAG minutes."),
            new(Tmag6Papers, "TMAG05-03", "15/05/2022",
                "Circulate the revised slide pack (slide 14 corrected from ARP to ADS).",
                "Programme (PMO)", [Pmo], "19/05/2022", Closed,
                "Sent out with the May TMAG minutes."),

            // ---- DAG 14, 10 August 2022 ----
            new(Dag14Papers, "DAG06-01", "09/03/2022",
                "Check that the related-MPAN modifications line up with the design subgroup.",
                "Programme (Ian Smith)", [Person("ian-smith")], "17/08/2022", Ongoing,
                "Key contact on leave; conversation planned within a fortnight."),
            new(Dag14Papers, "DAG09-05", "11/05/2022",
                "Follow up with participants who query the design team's answers to their Tranche 1 comments.",
                "Programme (Ian Smith)", [Person("ian-smith")], "08/08/2022", Ongoing,
                "Comments being closed out in a documentation tidy-up; closes with the DAG summary report due 8 August."),
            new(Dag14Papers, "DAG09-12", "11/05/2022",
                "Set out a plan to resolve the outstanding issues recorded against Tranche 1 design approval.",
                "Programme (Design Team)", [Team("Programme (Design Team)")], "08/08/2022", Ongoing,
                "As DAG09-05."),
            new(Dag14Papers, "DAG10-08", "08/06/2022",
                "Add more detail (next steps, timings) to the MHHS design baseline dashboard.",
                "Programme (Ian Smith)", [Person("ian-smith")], "10/08/2022", RecommendClosed,
                "Covered in the meeting."),
            new(Dag14Papers, "DAG10.1-01", "21/06/2022",
                "Talk through the transition timetable and go/no-go decision with MH.",
                "Programme (Ian Smith)", [Person("ian-smith")], "10/08/2022", Ongoing,
                "Transition is on the 10 August DAG agenda."),
            new(Dag14Papers, "DAG10.1-03", "21/06/2022",
                "Share the current thinking on the transition plan with DAG members.",
                "Programme (Ian Smith)", [Person("ian-smith")], "10/08/2022", Ongoing,
                "Update at the 10 August DAG, with high-level working assumptions."),
            new(Dag14Papers, "DAG11-02", "06/07/2022",
                "Raise St Clements' attendance at TMAG with the TMAG chair.",
                "Chair", [ChairOf("DAG")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG11-06", "06/07/2022",
                "Settle with the CCAG chair and SRO how the design feeds code changes, and how code changes already linked to MHHS are run.",
                "Chair", [ChairOf("DAG")], "10/08/2022", Ongoing,
                "Raised at CCAG; discussion still to take place."),
            new(Dag14Papers, "DAG11-08", "06/07/2022",
                "Make sure the programme risk on SEC MP162 covers governance implications for MHHS and the codes.",
                "Programme (PMO)", [Pmo], "31/08/2022", Ongoing,
                "PMO to update once Ofgem has decided on MP162."),
            new(Dag14Papers, "DAG12-03", "21/07/2022",
                "Set up a joint working group of SEC parties, DAG and the programme to find an MP162 solution that meets the TOM and the level playing field principle.",
                "Chair", [ChairOf("DAG")], "31/08/2022", Ongoing,
                "DAG agreed to wait for further development or Ofgem's MP162 decision first."),
            new(Dag14Papers, "DAG12-04", "21/07/2022",
                "Ask the SRO for the programme's position on SEC MP162.",
                "Chair", [ChairOf("DAG")], "10/08/2022", Ongoing,
                "SRO writing to Ofgem on what the programme needs from MP162."),
            new(Dag14Papers, "DAG12-05", "21/07/2022",
                "Discuss with DCC the high-level impacts of the MP162 options and any flexibility on dates.",
                "Programme", [Team("Programme")], "10/08/2022", Ongoing,
                "Chair met DCC after the 28 July DAG; update in the meeting."),
            new(Dag14Papers, "DAG12-06", "21/07/2022",
                "Consider the implications of each MP162 option ahead of the joint working group (DAG12-03).",
                "DAG members", [MembersOf("DAG")], "31/08/2022", Ongoing,
                "Tied to DAG12-03."),
            new(Dag14Papers, "DAG13-01", "28/07/2022",
                "Report back on DAG10.1-03 at the next meeting.",
                "Programme (Ian Smith)", [Person("ian-smith")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG13-02", "28/07/2022",
                "Put transition on the next DAG agenda.",
                "Programme (Ian Smith)", [Person("ian-smith")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG13-03", "28/07/2022",
                "Advise DAG whether the price-cap calculation belongs on the programme risk register.",
                "Ofgem", [Team("Ofgem")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG13-04", "28/07/2022",
                "Bring the dissensus log in the design artefact tracker up to date.",
                "Programme (Claire Silk)", [Person("claire-silk")], "10/08/2022", RecommendClosed,
                "Tracker updated."),
            new(Dag14Papers, "DAG13-05", "28/07/2022",
                "Find practical ways to settle minor points of contention on design artefacts.",
                "Programme (Claire Silk)", [Person("claire-silk")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG13-06", "28/07/2022",
                "Decide next steps for the MPAN enquiry API requirements.",
                "Programme (Ian Smith)", [Person("ian-smith")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG13-07", "28/07/2022",
                "Circulate the CCAG horizon scanning log link with the headline report and put it on the next DAG agenda.",
                "Programme (PMO)", [Pmo], "28/07/2022", Ongoing,
                "Log to go out with the DAG 14 papers."),
            new(Dag14Papers, "DAG13-08", "28/07/2022",
                "Check for a programme risk on change requests after design baseline; add it to the programme and design risk logs if missing.",
                "Programme (Ian Smith)", [Person("ian-smith")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG13-09", "28/07/2022",
                "Confirm the timing of the performance assurance requirements work.",
                "Chair", [ChairOf("DAG")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG13-10", "28/07/2022",
                "Log a design risk on qualification and assurance.",
                "Programme (Ian Smith)", [Person("ian-smith")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG13-11", "28/07/2022",
                "Circulate the SI design assurance observations slides.",
                "PMO", [Pmo], "10/08/2022", RecommendClosed,
                "Circulated with the papers."),
            new(Dag14Papers, "DAG13-12", "28/07/2022",
                "Find the iServer release date, refresh the SI design assurance observations slide and add supporting material.",
                "Programme (Simon Harrison)", [Person("simon-harrison")], "10/08/2022", Ongoing,
                "Update in the meeting."),
            new(Dag14Papers, "DAG13-13", "28/07/2022",
                "Turn the 28 October DAG into an all-day session (10:00-17:00).",
                "PMO", [Pmo], "10/08/2022", RecommendClosed,
                "Session booked."),

            // ---- DAG 34, 13 March 2024 (no raised dates in these papers) ----
            new(Dag34Papers, "DAG31-05", null,
                "Work out how change raiser and programme answers to impact-assessment comments can be part of the IA outputs.",
                "Programme (PMO)", [Pmo], "10/01/2024", Ongoing,
                "Change control process reviewed, with the IPA's CR036 appeal findings, and reported to PSG on 6 March 2024; more at the meeting."),
            new(Dag34Papers, "DAG31-08", null,
                "Clarify urgently what approving CR036 means for SIT Functional Cycle 1, take it to SITWG and report back to the January 2024 DAG.",
                "Programme (Lee Cox)", [Person("lee-cox")], "10/01/2024", Ongoing,
                "Raised at SITWG with no issues; agent appointment implications went out in programme comms on 17/01/2024, to be sent to DAG (DAG33-03)."),
            new(Dag34Papers, "DAG31-11", null,
                "Tell participants how to handle the deferred implementation of CR024 and CR025.",
                "Programme (Testing Team)", [Team("Programme (Testing Team)")], "10/01/2024", RecommendClosed,
                "Build to IR7, which already carries the two CR024 field-name changes; see DAG31-12."),
            new(Dag34Papers, "DAG31-12", null,
                "Make sure any code drafting needed because CR024 and CR025 are deferred gets done.",
                "Programme (CCAG Chair)", [ChairOf("CCAG")], "10/01/2024", RecommendClosed,
                "CCAG has directed the drafting changes; they go into the 'Mop Up 2' tranche."),
            new(Dag34Papers, "DAG32-02", null,
                "Consider briefing sessions on new change requests so participants can ask questions before their impact assessment.",
                "Programme (PMO)", [Pmo], "14/02/2024", Ongoing,
                "Part of the change control review; formal update to DAG in March 2024."),
            new(Dag34Papers, "DAG32-04", null,
                "Confirm St Clements can meet the CR036 implementation approach DAG agreed, and what happens if not.",
                "Programme (Lee Cox)", [Person("lee-cox")], "14/02/2024", Ongoing,
                "St Clements' MPRS is due to be ready for CR036 testing when SIT Functional Cycle 2 begins; Risk 779 covers the chance it is not."),
            new(Dag34Papers, "DAG33-01", null,
                "Clarify whether the design principles in earlier minutes still apply.",
                "Programme (Paul Pettit)", [Person("paul-pettitt")], "06/03/2024", RecommendClosed,
                "The E2E design followed the principles tabled from March 2022 and was signed off on them in October 2022."),
            new(Dag34Papers, "DAG33-02", null,
                "Pick out the parts of CR024 and CR025 that could be brought forward.",
                "Large Supplier Representative (Craig Handford)", [Person("craig-handford")], "28/02/2024", RecommendClosed,
                "Update at the meeting."),
            new(Dag34Papers, "DAG33-03", null,
                "Send DAG members the 17/01/2024 comms on what CR036 means for testing.",
                "Programme (PMO)", [Pmo], "15/02/2024", RecommendClosed,
                "Sent to DAG."),
            new(Dag34Papers, "DAG33-04", null,
                "Confirm what CR039 means for testing.",
                "Programme (Lee Cox)", [Person("lee-cox")], "21/02/2024", Ongoing,
                "Update at the meeting."),
            new(Dag34Papers, "DAG33-05", null,
                "Consider scoping a review of how adjusting NFRs would affect the MHHS TOM process.",
                "Programme (Paul Pettit)", [Person("paul-pettitt")], "06/03/2024", RecommendClosed,
                "NFRs and volumetrics being reviewed for non-functional testing; no NFR changes planned, clarifications possible."),
            new(Dag34Papers, "DAG32-06", null,
                "Explain the change freeze criteria further and how CRs move into normal BSC/REC/SEC change.",
                "Programme (PMO)", [Pmo], "06/03/2024", Ongoing,
                "Update at the meeting."),
            new(Dag34Papers, "DAG33-07", null,
                "Amend CR043 before impact assessment: when rerouting happens during migration, and the IR8 target.",
                "Elexon Change Raiser (Mike Ceney)", [Person("mike-ceney")], "16/02/2024", RecommendClosed,
                "CR updated and issued for IA; approval decision under agenda item 4."),
            new(Dag34Papers, "DAG33-08", null,
                "State in the CR043 form that the alternative options are discounted and out of scope for the IA.",
                "Elexon Change Raiser (Mike Ceney)", [Person("mike-ceney")], "15/02/2024", RecommendClosed,
                "CR updated and issued for IA; approval decision under agenda item 4."),
            new(Dag34Papers, "DAG33-09", null,
                "Issue CR043 for impact assessment once the change raiser has amended it.",
                "Programme (PMO)", [Pmo], "16/02/2024", RecommendClosed,
                "Issued for IA; approval decision under agenda item 4."),
        ];

        return rows
            .GroupBy(r => r.Ref, StringComparer.Ordinal)
            .Select(g => ToAction(g.OrderBy(r => r.Paper.MeetingDate).ToList(), meetings))
            .ToList();
    }

    /// <summary>Builds an action from its rows, oldest paper first: the latest paper wins.</summary>
    private static ActionItem ToAction(IReadOnlyList<Row> rows, IReadOnlyList<Meeting> meetings)
    {
        var latest = rows[^1];
        var (groupCode, meetingNumber) = ParseRef(latest.Ref);
        var raised = rows.Select(r => r.Raised).FirstOrDefault(r => r is not null) is { } written
            ? D(written)
            : meetings.FirstOrDefault(m => m.GroupCode == groupCode && m.Number == meetingNumber)?.Date;
        var history = rows
            .Select(r => new ActionUpdate(
                UkLocal(r.Paper.MeetingDate, new TimeOnly(9, 0)), null, r.Paper.ImportedBy, r.Update, r.Status, D(r.Due)))
            .ToList();
        return new ActionItem(
            latest.Ref, groupCode, meetingNumber, raised, latest.Text, latest.OwnerText, latest.Owners,
            D(latest.Due), latest.Status, latest.Update, history);
    }

    /// <summary>"DAG10.1-03" → ("DAG", "10.1"); "TAG02-05" → ("TMAG", "2"): TAG was TMAG's earlier name.</summary>
    internal static (string GroupCode, string MeetingNumber) ParseRef(string actionRef)
    {
        var dash = actionRef.LastIndexOf('-');
        var head = actionRef[..dash];
        var firstDigit = head.AsSpan().IndexOfAnyInRange('0', '9');
        var prefix = head[..firstDigit];
        var number = head[firstDigit..].TrimStart('0');
        return (prefix == "TAG" ? "TMAG" : prefix, number);
    }
}
