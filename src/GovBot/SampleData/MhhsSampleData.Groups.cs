using GovBot.Features.Groups;

namespace GovBot.SampleData;

public static partial class MhhsSampleData
{
    private static readonly TimeOnly TenAm = new(10, 0);
    private static readonly TimeOnly HalfTwelve = new(12, 30);

    private static MeetingCadence Monthly(int week, DayOfWeek day, bool standardSlot = false) =>
        standardSlot ? new MeetingCadence(week, day, TenAm, HalfTwelve) : new MeetingCadence(week, day);

    /// <summary>
    /// The governance structure as of February/March 2024 (structure chart in the DAG 34 papers),
    /// plus TMAG, stood down in Q1 2024. Cadences come from the papers: stated for SITAG, MCAG, QAG
    /// and QWG; derived from meeting dates for DAG (second Wednesday since late 2022), TMAG (third
    /// Wednesday), CCAG (fourth Wednesday: 25 May 2022, 27 July 2022, 28 February 2024) and PSG
    /// (first Wednesday: 6 July 2022, 7 February 2024, 6 March 2024). Groups with no reliable
    /// pattern in the papers have no cadence.
    /// </summary>
    private static List<Group> Groups() =>
    [
        new("PSG", "Programme Steering Group", 2, null, Monthly(1, DayOfWeek.Wednesday), true,
            "Steers the whole programme and ratifies the SRO's decisions, including change requests.",
            null, PmoPersonId, ["Programme Steering Group", "steering group"]),

        // Level 3 advisory groups.
        new("DAG", "Design Advisory Group", 3, "PSG", Monthly(2, DayOfWeek.Wednesday, standardSlot: true), true,
            "Oversees and approves the end-to-end design and advises the SRO on design change requests.",
            "justin-andrews", PmoPersonId, ["Design Advisory Group", "design advisory group"]),
        new("CCAG", "Cross Code Advisory Group", 3, "PSG", Monthly(4, DayOfWeek.Wednesday), true,
            "Oversees the drafting of the industry code changes that MHHS needs.",
            "rowan-hughes", PmoPersonId, ["Cross Code Advisory Group", "Cross-Code Advisory Group"]),
        new("TMAG", "Testing and Migration Advisory Group", 3, "PSG", Monthly(3, DayOfWeek.Wednesday, standardSlot: true), false,
            "Oversaw testing and migration deliverables; replaced in Q1 2024 by SITAG, MCAG and QAG (CR035).",
            "chris-welby", PmoPersonId, ["TAG", "Testing Advisory Group", "Testing and Migration Advisory Group"]),
        new("SITAG", "System Integration & Testing Advisory Group", 3, "PSG", Monthly(3, DayOfWeek.Wednesday), true,
            "Advises on system integration testing: scenarios, test cases and SIT milestones.",
            null, PmoPersonId, ["Systems Integration and Testing Advisory Group", "SIT Advisory Group"]),
        new("MCAG", "Migration & Cutover Advisory Group", 3, "PSG", Monthly(4, DayOfWeek.Tuesday), true,
            "Advises on migration, data cleanse and cutover plans.",
            null, PmoPersonId, ["Migration and Cutover Advisory Group"]),
        new("QAG", "Qualification Advisory Group", 3, "PSG", Monthly(3, DayOfWeek.Thursday), true,
            "Advises on the qualification approach, plan and milestones.",
            null, PmoPersonId, ["Qualification Advisory Group"]),

        // Level 4 working groups and sub-groups. Parents as the papers place them.
        new("QWG", "Qualification and E2E Sandbox Working Group", 4, "QAG", Monthly(2, DayOfWeek.Tuesday), true,
            "Helps define qualification testing and the end-to-end sandbox.",
            null, PmoPersonId, ["Qualification Working Group", "Qualification and E2E Sandbox WG"]),
        new("DWG", "Data Working Group", 4, "TMAG", null, true,
            "Works through settlement data quality and data questions for migration.",
            null, PmoPersonId, ["Data Working Group"]),
        new("MWG", "Migration Working Group", 4, "TMAG", null, true,
            "Works up the migration, cutover and data strategy with participants.",
            null, PmoPersonId, ["Migration Working Group"]),
        new("EWG", "Environments and Configurations Management Working Group", 4, "TMAG", null, true,
            "Defines the programme's test environments approach and plan.",
            null, PmoPersonId, ["Environments & Configuration Management Working Group", "Environments WG"]),
        new("SITWG", "Systems Integration Test Working Group", 4, "TMAG", null, true,
            "Works through system integration testing detail with participants.",
            null, PmoPersonId, ["SWG", "SIT Working Group", "Systems Integration Testing Working Group"]),
        new("NFTWG", "Non-Functional Testing Working Group", 4, "TMAG", null, true,
            "Works through non-functional testing with participants.",
            null, PmoPersonId, ["NFWG", "Non-Functional Testing WG"]),
        new("DCWG", "Data Cleanse Working Group", 4, "TMAG", null, true,
            "Coordinates data cleanse ahead of migration.",
            null, PmoPersonId, ["Data Cleanse Working Group"]),
        new("TORWG", "Transition and Operational Readiness Working Group", 4, "TMAG", null, true,
            "Prepares participants for transition and operational readiness.",
            null, PmoPersonId, ["Transition and Operational Readiness Working Group"]),
        new("CDWG", "Code Draft Working Group", 4, "CCAG", null, true,
            "Reviews code drafting before it goes out for consultation.",
            null, PmoPersonId, ["Code Drafting Working Group", "Code Draft WG"]),
        new("BPRWG", "Business Process & Requirements and Technical Design Working Group", 4, "DAG", null, true,
            "Works through business process, requirements and technical design detail; escalates to DAG.",
            null, PmoPersonId, ["TDWG", "BPRWG/TDWG", "Business Process and Requirements Working Group"]),
        new("SDWG", "Security Design Working Group", 4, "DAG", null, true,
            "Assures security design artefacts such as the Interface Code of Connection (restricted membership).",
            null, PmoPersonId, ["Security Design Working Group"], IsRestricted: true),
        // Not on the February 2024 structure chart, so treated as stood down by then.
        new("CCIAG", "Consequential Change Impact Assessment Group", 4, "DAG", null, false,
            "Identified consequential changes outside the MHHS scope.",
            null, PmoPersonId, ["Consequential Change Impact Assessment"]),
    ];
}
