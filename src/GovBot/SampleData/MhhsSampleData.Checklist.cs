using GovBot.Features.Checklist;
using GovBot.Features.Milestones;

namespace GovBot.SampleData;

public static partial class MhhsSampleData
{
    private static readonly DateOnly Dag34Published = new(2024, 3, 13);

    private static ChecklistItem Check(int number, string text, string? deadline, bool reminder = false, string[]? forOnly = null, string? dated = null) =>
        new(Dag34Published, number, text, deadline is null ? null : D(deadline), reminder, null, "DAG 34", forOnly, dated is null ? null : D(dated));

    /// <summary>
    /// The participant checklist in the DAG 34 programme updates (updated to 06/03/2024). Constituencies as the papers
    /// name them: item 1 is the LDSO test scenarios, item 4 is about the DCC's capacity planning; the rest name no
    /// constituency, so they are for all participants.
    /// </summary>
    private static List<ChecklistItem> Checklist() =>
    [
        Check(1, "Review the non-SIT LDSO test scenarios and test cases.", "08/03/2024", reminder: true, forOnly: ["LDSO"]),
        Check(2, "Respond to the Code Topic Mop Up 2 consultation.", "11/03/2024", reminder: true),
        Check(3, "Respond to the MHHS supply, distribution and transmission licence review consultation.", "13/03/2024", reminder: true),
        Check(4, "Answer the PPIR on use of the Meter Data Retrieval function (DCC capacity planning assumptions).", "19/03/2024", forOnly: ["DCC"]),
        Check(5, "Last day to object to Design Interim Release 8.", "20/03/2024"),
        Check(6, "Make the pre-qualification submission.", "26/04/2024", reminder: true),
        Check(7, "DIP Simulator v2.3 was stood down on 1 March 2024.", null, dated: "01/03/2024"),
        Check(8, "Design Interim Release 7.1 artefacts are published.", null),
        Check(9, "ADO user guide and training for SIT Functional are published.", null),
        Check(10, "Uplifted versions of the SIT Functional themes 1-9 scenarios and cases are out.", null),
        Check(11, "Updated Qualification Approach & Plan documents are published.", null),
    ];

    /// <summary>
    /// Milestones in the DAG 34 papers. The extracted text loses the RAG colours; only what the
    /// words say is recorded (T3-DB-0099 "currently on track"; T3-DB-0139 approved as complete).
    /// </summary>
    private static List<Milestone> Milestones() =>
    [
        new("T3-DB-0099", "Design Interim release 8 Go live", "SI", D("03/04/2024"), D("03/04/2024"),
            null, Rag.OnTrack, null, "On track; the IR8 objection window closes on 20 March 2024."),
        new("T3-DB-0139", "All SIT Functional Test approach and plans MHHS Reviews Completed", "Not stated in the papers", null, null,
            null, Rag.Complete, null, "SRO approved it as complete at SITAG on 21 February 2024, subject to detailed actions."),
        new("T3-MI-0023", "Migration milestone T3-MI-0023 (title not in the papers)", "Not stated in the papers", null, D("28/05/2024"),
            null, null, null, "SRO approved a revised delivery date of 28/05/2024 (MCAG, 27 February 2024)."),
    ];
}
