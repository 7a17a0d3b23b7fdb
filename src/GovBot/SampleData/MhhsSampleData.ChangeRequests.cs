using GovBot.Features.ChangeRequests;
using GovBot.Features.Decisions;

namespace GovBot.SampleData;

public static partial class MhhsSampleData
{
    /// <summary>The numbered DAG decisions in the DAG 34 papers; all pending on 6 March 2024.</summary>
    private static List<Decision> Decisions() =>
    [
        new(94, "DAG", "34", "Approve the headline report of the DAG meeting of 14 February 2024 (DAG 33).", null),
        new(95, "DAG", "34", "Recommend to the SRO whether the revised CoCo and DIP/PKI certificate profiles, assured by SDWG, should be approved.", null),
        new(96, "DAG", "34", "Advise the SRO whether to approve CR043 'Supplier Registration of ABMU and MPAN Mapping' and its implementation approach.", null),
    ];

    private static ChangeRequest Cr(
        string id, string title, ChangeRequestStage stage, ChangeRequestOutcome? outcome, string summary,
        KeyDate[]? keyDates = null, string? raiser = null, string? release = null,
        ImpactAssessmentTally[]? tally = null, string[]? decisions = null) =>
        new(id, title, raiser, stage, outcome, keyDates ?? [], null, null, tally ?? [], release, decisions ?? [], summary);

    private static KeyDate On(string label, string ukDate) => new(label, D(ukDate));

    /// <summary>Change requests named in the papers, at the stage each had reached by March 2024.</summary>
    private static List<ChangeRequest> ChangeRequests() =>
    [
        Cr("CR007", "M5 and M3 replan change (rescinded)", ChangeRequestStage.Closed, ChangeRequestOutcome.RescindedAndReplaced,
            "After its impact assessment, PSG agreed in July 2022 to rescind it and raise a new CR covering M5 and M3.",
            [On("PSG agreed to rescind", "06/07/2022")]),
        Cr("CR024", "Data Item Names and Descriptions", ChangeRequestStage.Implementation, ChangeRequestOutcome.Approved,
            "Implementation deferred; IR7 already carries two of its field-name changes. Items that could be brought forward were identified (DAG33-02).",
            [On("Presented at DAG 25", "14/06/2023")]),
        Cr("CR025", "DIP Interface Name Changes", ChangeRequestStage.Implementation, ChangeRequestOutcome.Approved,
            "Implementation deferred together with CR024; code drafting follows in the 'Mop Up 2' tranche.",
            [On("Presented at DAG 25", "14/06/2023")]),
        Cr("CR035", "Restructure TMAG in the MHHS Governance Framework", ChangeRequestStage.Closed, ChangeRequestOutcome.Approved,
            "TMAG closed and was replaced by SITAG, MCAG and QAG in Q1 2024."),
        Cr("CR036", "Use of Clock Midnight for Appointments and Reads", ChangeRequestStage.Implementation, ChangeRequestOutcome.AppealedToIpa,
            "Approved, then appealed to the IPA; the appeal was still open at PSG in February 2024 and parties continue as originally decided. MPRS ready to test it from SIT Functional Cycle 2.",
            [On("Presented at DAG 31", "13/12/2023"), On("IPA: appeal ongoing (PSG)", "07/02/2024")]),
        Cr("CR039", "Registration Service IF-40 Change", ChangeRequestStage.Implementation, ChangeRequestOutcome.Approved,
            "SRO approved after the February 2024 DAG for Interim Release 8; tested in SIT Cycle 3.",
            [On("Presented at DAG 32", "10/01/2024"), On("DAG advice (DAG 33)", "14/02/2024"), On("IR8 release", "03/04/2024")],
            release: "IR8"),
        Cr("CR040", "Change to NFR E2E1009 for DNO and iDNO roles (LDSO, UMSO Registrations)", ChangeRequestStage.Implementation, ChangeRequestOutcome.Approved,
            "SRO approved after the February 2024 DAG for Interim Release 8; tested in SIT Cycle 3.",
            [On("Presented at DAG 32", "10/01/2024"), On("DAG advice (DAG 33)", "14/02/2024"), On("IR8 release", "03/04/2024")],
            release: "IR8"),
        Cr("CR041", "Change the format of Market Participant Role Code from Char(1) to Char(2)", ChangeRequestStage.Closed, ChangeRequestOutcome.Rejected,
            "SRO rejected it because of the change freeze, suggesting it be looked at again after M10.",
            [On("Presented at DAG 32", "10/01/2024"), On("DAG advice (DAG 33)", "14/02/2024")]),
        Cr("CR042", "Tier 2 migration milestone date adjustment", ChangeRequestStage.Implementation, ChangeRequestOutcome.Approved,
            "PSG approved the adjustment of a Tier 2 migration milestone date.",
            [On("PSG approval", "07/02/2024")]),
        Cr("CR043", "Supplier Registration of ABMU and MPAN Mapping", ChangeRequestStage.Decision, null,
            "Closes a design gap so suppliers can keep mapping MPANs to ABMUs after migration. 12 supported, none rejected, 4 abstained; the programme supports it despite the change freeze. If approved it goes into IR8 (April 2024).",
            [On("Presented at DAG 33", "14/02/2024"), On("Clarifications due", "29/02/2024"), On("Decision at DAG 34", "13/03/2024")],
            raiser: "Elexon (Helix) – Mike Ceney", release: "IR8",
            tally:
            [
                new("Large Suppliers", 1, 0, 0, 4),
                new("Medium Suppliers", 1, 0, 0, 6),
                new("Small Suppliers", 0, 0, 0, 33),
                new("I&C", 6, 0, 0, 35),
                new("DNOs", 1, 0, 1, 4),
                new("iDNOs", 0, 0, 0, 13),
                new("Ind. Agents", 0, 0, 0, 47),
                new("Supplier Agents", 0, 0, 0, 7),
                new("S/W Providers", 0, 0, 0, 25),
                new("REC Code Manager", 0, 0, 1, 0),
                new("National Grid ESO", 1, 0, 0, 0),
                new("Consumer", 0, 0, 0, 1),
                new("Elexon (Helix)", 1, 0, 0, 0),
                new("DCC", 0, 0, 1, 0),
                new("SRO / IM & LDP", 1, 0, 0, 0),
                new("IPA", 0, 0, 1, 0),
                new("Avanade", 0, 0, 0, 1),
            ],
            decisions: ["DAG [96]"]),
        Cr("CR044", "Implementation of 'Data Refresh' Message IF-051", ChangeRequestStage.InitialAssessment, null,
            "New IF-051 message to resend Registration Service data to EES, DIP and MDS after an incident leaves central data out of step. DAG 34 decides whether it goes to a 10-working-day IA, for decision at the April DAG.",
            [On("Decision on issuing for IA (DAG 34)", "13/03/2024"), On("Approval decision expected (DAG 35)", "10/04/2024")]),
        Cr("CR045", "Supply Start Date (SSD) Correction Tool", ChangeRequestStage.InitialAssessment, null,
            "A Registration Service super-user function for LDSOs to insert missed or annul invalid switches after migration. Needed before migration starts. DAG 34 decides whether it goes to IA.",
            [On("Decision on issuing for IA (DAG 34)", "13/03/2024"), On("Approval decision expected (DAG 35)", "10/04/2024")]),
        Cr("CR046", "Enabling Metering Point Energy Flow to be changed more than once", ChangeRequestStage.InitialAssessment, null,
            "DAG 34 decides whether it goes to impact assessment.",
            [On("Decision on issuing for IA (DAG 34)", "13/03/2024")]),
    ];
}
