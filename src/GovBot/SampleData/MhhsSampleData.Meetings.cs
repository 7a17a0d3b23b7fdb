using GovBot.Features.Meetings;

namespace GovBot.SampleData;

public static partial class MhhsSampleData
{
    private const AgendaItemType Info = AgendaItemType.Information;
    private const AgendaItemType Decide = AgendaItemType.Decision;
    private const AgendaItemType Discuss = AgendaItemType.Discussion;

    /// <summary>
    /// Every DAG and TMAG meeting listed on the historic governance groups page (number and date),
    /// full agendas for the three meetings whose papers we have, and the first meetings of the
    /// groups that replaced TMAG. Where the papers give no times, regular meetings get the usual
    /// 10:00-12:30 slot and extraordinary ones none.
    /// </summary>
    private static List<Meeting> Meetings()
    {
        var meetings = new List<Meeting>();

        // DAG: number and date from the historic page; a point number means extraordinary.
        (string Number, string Date)[] dag =
        [
            ("1", "17/11/2021"), ("2", "08/12/2021"), ("3", "12/01/2022"), ("4.1", "01/02/2022"),
            ("4", "09/02/2022"), ("5", "16/02/2022"), ("6", "09/03/2022"), ("6.1", "17/03/2022"),
            ("7", "23/03/2022"), ("8", "13/04/2022"), ("9", "11/05/2022"), ("10", "08/06/2022"),
            ("10.1", "21/06/2022"), ("11", "06/07/2022"), ("12", "21/07/2022"), ("13", "28/07/2022"),
            ("14", "10/08/2022"), ("15", "14/09/2022"), ("16", "14/10/2022"), ("17", "31/10/2022"),
            ("18", "09/11/2022"), ("19", "14/12/2022"), ("20", "11/01/2023"), ("20.1", "01/02/2023"),
            ("21", "08/02/2023"), ("21.1", "16/02/2023"), ("22", "08/03/2023"), ("22.1", "31/03/2023"),
            ("23", "12/04/2023"), ("24", "10/05/2023"), ("25", "14/06/2023"), ("26", "12/07/2023"),
            ("27", "09/08/2023"), ("28", "13/09/2023"), ("29", "11/10/2023"), ("30", "08/11/2023"),
            ("31", "13/12/2023"), ("32", "10/01/2024"), ("33", "14/02/2024"), ("34", "13/03/2024"),
            ("35", "10/04/2024"), ("36", "08/05/2024"), ("37", "12/06/2024"),
        ];
        foreach (var (number, date) in dag)
        {
            meetings.Add(number switch
            {
                "14" => Dag14(),
                "34" => Dag34(),
                // DAG 14 papers: next meeting 14 September 2022, 10:00-13:00.
                "15" => Plain("DAG", number, D(date), extraordinary: false, T("10:00"), T("13:00")),
                // Planned as an all-day session (DAG13-13) but moved; the papers give no times.
                "17" => Plain("DAG", number, D(date), extraordinary: false, null, null),
                // DAG 34 papers: next DAG meeting 10 April 2024 at 10am.
                _ => Standard("DAG", number, D(date), extraordinary: number.Contains('.')),
            });
        }

        // TMAG: number and date from the historic page. TMAG 15 is listed with papers and minutes
        // on 28/02/2023 and a headline report on 15/03/2023 (the day of TMAG 16): 28/02/2023 is used.
        (string Number, string Date, bool Extraordinary)[] tmag =
        [
            ("1", "26/01/2022", false), ("2", "16/02/2022", false), ("3", "16/03/2022", false),
            ("4", "20/04/2022", false), ("5", "18/05/2022", false), ("6", "15/06/2022", false),
            ("7", "20/07/2022", false), ("8", "17/08/2022", false), ("9", "22/09/2022", false),
            ("10", "19/10/2022", false), ("11", "16/11/2022", false), ("12", "21/12/2022", false),
            ("13", "18/01/2023", false), ("14", "15/02/2023", false), ("15", "28/02/2023", false),
            ("16", "15/03/2023", false), ("17", "19/04/2023", false), ("18", "17/05/2023", false),
            ("19", "31/05/2023", true), ("20", "21/06/2023", false), ("21", "19/07/2023", false),
            ("22", "16/08/2023", false), ("23", "30/08/2023", true), ("24", "20/09/2023", false),
            ("25", "28/09/2023", false), ("26", "23/10/2023", false), ("27", "30/10/2023", true),
            ("28", "06/11/2023", true), ("29", "20/11/2023", false), ("30", "04/12/2023", true),
            ("31", "20/12/2023", false), ("32", "17/01/2024", false),
        ];
        foreach (var (number, date, extraordinary) in tmag)
        {
            meetings.Add(number switch
            {
                "5" => Standard("TMAG", number, D(date), false) with
                {
                    Documents = [new("TMAG 5 Minutes and Actions", "Minutes", "MHHS-DEL431", "v1.0", null)],
                },
                "6" => Tmag6(),
                _ => Standard("TMAG", number, D(date), extraordinary),
            });
        }

        // First meetings of the groups that replaced TMAG (DAG 34 papers, "New Advisory Groups Update").
        // The papers also report "QAG 22 February 2024", a week after QAG's stated first meeting.
        meetings.Add(Plain("SITAG", "1", D("21/02/2024"), false, null, null));
        meetings.Add(Plain("MCAG", "1", D("27/02/2024"), false, null, null));
        meetings.Add(Plain("QAG", "1", D("15/02/2024"), false, null, null));

        return meetings;
    }

    private static Meeting Plain(string group, string number, DateOnly date, bool extraordinary, TimeOnly? start, TimeOnly? end) =>
        new(group, number, extraordinary, date, start, end, Location: null, JoinUrl: null, Agenda: [], Documents: []);

    private static Meeting Standard(string group, string number, DateOnly date, bool extraordinary) =>
        extraordinary
            ? Plain(group, number, date, true, null, null)
            : Plain(group, number, date, false, TenAm, HalfTwelve);

    private static AgendaItem Item(string number, string title, string? objective, AgendaItemType? type, string? lead, string? start, string? end) =>
        new(number, title, objective, type, lead, start is null ? null : T(start), end is null ? null : T(end));

    /// <summary>DAG 34, 13 March 2024: agenda, leads and slots as in the papers (v1.1).</summary>
    private static Meeting Dag34() =>
        Plain("DAG", "34", D("13/03/2024"), false, TenAm, HalfTwelve) with
        {
            Agenda =
            [
                Item("1", "Welcome", "Opening and apologies", Info, "Chair", "10:00", "10:05"),
                Item("2", "Minutes and Actions", "Approve the DAG 33 headline report; review the action log", Decide, "Secretariat", "10:05", "10:25"),
                Item("3", "Interface Code of Connections", "Advise the SRO on the SDWG-assured updates to the CoCo and DIP/PKI certificate profiles", Decide, "Programme", "10:25", "10:30"),
                Item("4", "CR043 Decision", "Advise the SRO whether to approve CR043", Decide, "Chair, Programme (PMO) & Elexon (Mike Ceney)", "10:30", "10:45"),
                Item("5", "CR044 Impact Assessment", "Decide whether CR044 goes out for impact assessment", Decide, "Programme (PMO)", "10:45", "11:05"),
                Item("6", "CR045 Impact Assessment", "Decide whether CR045 goes out for impact assessment", Decide, "Programme (PMO)", "11:05", "11:25"),
                Item("7", "CR046 Impact Assessment", "Decide whether CR046 goes out for impact assessment", Decide, "Programme (PMO)", "11:25", "11:45"),
                Item("8", "Design Updates", "Design Issue Notifications and other design news", Info, "Programme (Paul Pettitt)", "11:45", "11:55"),
                Item("9", "Top Programme Risks related to DAG", "Programme risks relevant to DAG", Info, "Programme (PMO)", "11:55", "12:05"),
                Item("10", "Upcoming Programme Milestones related to DAG", "Milestones relevant to DAG", Info, "Programme (PMO)", "12:05", "12:10"),
                Item("11", "Programme Updates", "News from other governance groups and the wider programme", Info, "Programme (PMO)", "12:10", "12:20"),
                Item("12", "Summary and Next Steps", "Recap of actions, decisions and next steps", Info, "Chair & Secretariat", "12:20", "12:30"),
            ],
            Documents =
            [
                new("DAG 34 Papers", "Papers", null, "v1.1", null),
                new("Attachment 1 – Interface Code of Connections v1.4 (DRAFT)", "Attachment 1", null, "v1.4", null),
                new("Attachment 2 – DIP/PKI Certificate Profiles v1.1 (DRAFT)", "Attachment 2", null, "v1.1", null),
                new("Attachment 3 – CR043 Supplier Registration of ABMU and MPAN Mapping v1.1", "Attachment 3", null, "v1.1", null),
                new("Attachment 4 – CR044 - Data Refresh Message IF-051 v1.0", "Attachment 4", "MHHS-DEL2284", "v1.0", null),
                new("Attachment 5 – CR045 - Registration Service SSD Fix Tool v1.0", "Attachment 5", "MHHS-DEL2285", "v1.0", null),
                new("Attachment 6 – CR046 - Enabling Metering Point Energy Flow to be changed more than once v1.0", "Attachment 6", null, "v1.0", null),
                new("DAG 34 Headline Report", "Headline Report", null, null, null),
            ],
        };

    /// <summary>DAG 14, 10 August 2022 (papers MHHS-DEL540 v0.1); a 10-minute break after item 5.</summary>
    private static Meeting Dag14() =>
        Plain("DAG", "14", D("10/08/2022"), false, T("09:30"), T("12:05")) with
        {
            Agenda =
            [
                Item("1", "Welcome", null, null, "Chair", "09:30", "09:35"),
                Item("2", "Minutes and Actions", "Approve minutes; go through outstanding actions", Decide, "Chair & Secretariat", "09:35", "10:05"),
                Item("3", "Design RAID review", "Agree design risks and their mitigations", Decide, "Programme (Ian Smith)", "10:05", "10:20"),
                Item("4", "Transition plan", "Walk through the proposed transition plan", Info, "Programme (Ian Smith)", "10:20", "10:45"),
                Item("5", "MHHS Design Status Update", "Design issues, dependencies and dissensus", Info, "Programme (Claire Silk)", "10:45", "11:15"),
                Item("6", "CCAG Horizon Scanning", "Questions on the CCAG horizon scanning log", Info, "Programme (Fraser Mathieson)", "11:25", "11:35"),
                Item("7", "Design Issues for Escalation", "Escalations from the BPRWG meeting of 27 July 2022", Decide, "Programme (Ian Smith)", "11:35", "11:40"),
                Item("8", "DAG Design Principles", "Review the design principles", Discuss, "Programme (Ian Smith)", "11:45", "11:50"),
                Item("9", "Governance Group Updates", "News from other governance groups", Info, "Secretariat", "11:50", "11:55"),
                Item("10", "Summary and Actions", "Recap actions and plan the next agenda", Info, "Chair & Secretariat", "11:55", "12:05"),
            ],
            Documents =
            [
                new("DAG 14 Papers", "Papers", "MHHS-DEL540", "v0.1", null),
                new("DAG Summary Report - Tranche 4", "Papers", null, null, null),
                new("DAG 14 Minutes", "Minutes", null, null, null),
                new("DAG 14 Headline Report", "Headline Report", null, null, null),
            ],
        };

    /// <summary>TMAG 6, 15 June 2022.</summary>
    private static Meeting Tmag6() =>
        Plain("TMAG", "6", D("15/06/2022"), false, T("10:00"), T("11:15")) with
        {
            Agenda =
            [
                Item("1", "Welcome", null, null, "Chair", "10:00", "10:05"),
                // Typed "Decision/Information" in the papers.
                Item("2", "Minutes, Actions and Relevant Information", "Approve the May minutes, update open actions, signpost information", Decide, "Chair and Secretariat", "10:05", "10:10"),
                Item("3", "Governance Group Updates", "News from PSG, DAG and CCAG", Info, "Programme (PMO)", "10:10", "10:15"),
                Item("4", "Data Quality", "DWG outputs and members' feedback on its questions", Discuss, "Programme (Adrian Ackroyd), TMAG members", "10:15", "10:35"),
                Item("5", "Migration Working Group update", "MWG progress, including the migration, cutover and data strategy", Info, "Programme (Kate Goodman)", "10:35", "10:45"),
                Item("6", "Qualification Working Group mobilisation", "When and how the QWG will be mobilised", Info, "Programme (Kate Goodman)", "10:45", "10:55"),
                Item("7", "Working Group plan", "How many working groups and which might merge", Discuss, "Programme (Kate Goodman)", "10:55", "11:10"),
                Item("8", "Summary and next steps", "Recap actions and look ahead to July", Info, "Chair and Secretariat", "11:10", "11:15"),
            ],
            Documents =
            [
                new("TMAG 6 Papers", "Papers", null, null, null),
                new("TMAG 6 Minutes", "Minutes", null, null, null),
                new("TMAG 6 Headline Report", "Headline Report", null, null, null),
            ],
        };
}
