using GovBot.People;
using GovBot.Features.Groups;

namespace GovBot.SampleData;

public static partial class MhhsSampleData
{
    private const string Programme = "MHHS Programme";
    private const string Fictional = "(fictional sample person)";

    /// <summary>
    /// Everyone named as an owner or lead in the papers, the chairs the historic page names, and a
    /// few fictional people (PMO, a CCAG chair, constituency representatives) so that roles and
    /// collective ownership resolve to someone. Emails and Entra object ids are made up.
    /// </summary>
    private static List<Person> People() =>
    [
        // Named in the papers.
        new("lee-cox", "00000000-0000-0000-0000-0000000000a1", "Lee Cox", "lee.cox@mhhs.example", Programme, []),
        new("ian-smith", "00000000-0000-0000-0000-0000000000a2", "Ian Smith", "ian.smith@mhhs.example", Programme, []),
        new("paul-pettitt", "00000000-0000-0000-0000-0000000000a3", "Paul Pettitt", "paul.pettitt@mhhs.example", Programme, ["Paul Pettit"]),
        new("mike-ceney", "00000000-0000-0000-0000-0000000000a4", "Mike Ceney", "mike.ceney@elexon.example", "Elexon", []),
        new("craig-handford", "00000000-0000-0000-0000-0000000000a5", "Craig Handford", "craig.handford@supplier.example", null, []),
        new("claire-silk", "00000000-0000-0000-0000-0000000000a6", "Claire Silk", "claire.silk@mhhs.example", Programme, []),
        new("simon-harrison", "00000000-0000-0000-0000-0000000000a7", "Simon Harrison", "simon.harrison@mhhs.example", Programme, []),
        new("fraser-mathieson", "00000000-0000-0000-0000-0000000000a8", "Fraser Mathieson", "fraser.mathieson@mhhs.example", Programme, []),
        new("kate-goodman", "00000000-0000-0000-0000-0000000000a9", "Kate Goodman", "kate.goodman@mhhs.example", Programme, []),
        new("adrian-ackroyd", "00000000-0000-0000-0000-0000000000aa", "Adrian Ackroyd", "adrian.ackroyd@mhhs.example", Programme, []),
        // Chairs named on the historic governance groups page.
        new("justin-andrews", "00000000-0000-0000-0000-0000000000ab", "Justin Andrews", "justin.andrews@mhhs.example", null, ["DAG Chair"]),
        new("chris-welby", "00000000-0000-0000-0000-0000000000ac", "Chris Welby", "chris.welby@mhhs.example", Programme, ["SRO", "TMAG Chair"]),

        // Fictional: the programme office.
        new(PmoPersonId, "00000000-0000-0000-0000-0000000000e1", "Priya Patel", "priya.patel@mhhs.example", $"{Programme} PMO {Fictional}", ["PMO", "Secretariat"], IsPmo: true),
        new("daniel-okoro", "00000000-0000-0000-0000-0000000000e2", "Daniel Okoro", "daniel.okoro@mhhs.example", $"{Programme} PMO {Fictional}", ["PMO"], IsPmo: true),
        // Fictional: the papers do not name the CCAG chair.
        new("rowan-hughes", "00000000-0000-0000-0000-0000000000f1", "Rowan Hughes", "rowan.hughes@code.example", $"Code body {Fictional}", ["CCAG Chair"]),
        // Fictional constituency representatives.
        new("alex-morgan", "00000000-0000-0000-0000-0000000000f2", "Alex Morgan", "alex.morgan@medium-supplier.example", $"Medium supplier {Fictional}", []),
        new("sam-rivers", "00000000-0000-0000-0000-0000000000f3", "Sam Rivers", "sam.rivers@small-supplier.example", $"Small supplier {Fictional}", []),
        new("jamie-clarke", "00000000-0000-0000-0000-0000000000f4", "Jamie Clarke", "jamie.clarke@ic-supplier.example", $"I&C supplier {Fictional}", []),
        new("taylor-brooks", "00000000-0000-0000-0000-0000000000f5", "Taylor Brooks", "taylor.brooks@dno.example", $"DNO {Fictional}", []),
        new("robin-shaw", "00000000-0000-0000-0000-0000000000f6", "Robin Shaw", "robin.shaw@idno.example", $"iDNO {Fictional}", []),
        new("charlie-dunn", "00000000-0000-0000-0000-0000000000f7", "Charlie Dunn", "charlie.dunn@agent.example", $"Independent supplier agent {Fictional}", []),
        new("jo-lambert", "00000000-0000-0000-0000-0000000000f8", "Jo Lambert", "jo.lambert@eso.example", $"National Grid ESO {Fictional}", []),
    ];

    /// <summary>
    /// Seats. Only Craig Handford's constituency (Large Supplier) is in the papers; the other
    /// representatives are fictional. Lee Cox sits on DAG for the programme (the "SRO / IM &amp; LDP"
    /// row of the DAG 34 impact-assessment table), so the demo user sees both personal and
    /// "DAG members" actions. The Consumer seat on DAG is left vacant.
    /// </summary>
    private static List<GroupMembership> Memberships()
    {
        var seats = new List<GroupMembership>
        {
            new("DAG", "justin-andrews", MembershipRole.Chair, null),
            new("DAG", "craig-handford", MembershipRole.Member, "Large Supplier"),
            new("DAG", "alex-morgan", MembershipRole.Member, "Medium Supplier"),
            new("DAG", "sam-rivers", MembershipRole.Member, "Small Supplier"),
            new("DAG", "jamie-clarke", MembershipRole.Member, "I&C Supplier"),
            new("DAG", "taylor-brooks", MembershipRole.Member, "DNO"),
            new("DAG", "robin-shaw", MembershipRole.Member, "iDNO"),
            new("DAG", "charlie-dunn", MembershipRole.Member, "Supplier Agent (Independent)"),
            new("DAG", "jo-lambert", MembershipRole.Member, "National Grid ESO"),
            new("DAG", "lee-cox", MembershipRole.Member, "SRO / IM & LDP"),

            new("TMAG", "chris-welby", MembershipRole.Chair, null),
            new("TMAG", "craig-handford", MembershipRole.Member, "Large Supplier"),
            new("TMAG", "taylor-brooks", MembershipRole.Member, "DNO"),
            new("TMAG", "charlie-dunn", MembershipRole.Member, "Supplier Agent (Independent)"),

            new("CCAG", "rowan-hughes", MembershipRole.Chair, null),
            new("CCAG", "alex-morgan", MembershipRole.Member, "Medium Supplier"),
            new("CCAG", "taylor-brooks", MembershipRole.Member, "DNO"),

            new("SITAG", "craig-handford", MembershipRole.Member, "Large Supplier"),
            new("SITAG", "robin-shaw", MembershipRole.Member, "iDNO"),
            new("MCAG", "jamie-clarke", MembershipRole.Member, "I&C Supplier"),
            new("MCAG", "charlie-dunn", MembershipRole.Member, "Supplier Agent (Independent)"),
            new("QAG", "alex-morgan", MembershipRole.Member, "Medium Supplier"),
            new("QAG", "jamie-clarke", MembershipRole.Member, "I&C Supplier"),
        };

        // The PMO analyst is secretariat of every level 2 and 3 group.
        foreach (var code in new[] { "PSG", "DAG", "CCAG", "TMAG", "SITAG", "MCAG", "QAG" })
        {
            seats.Add(new(code, PmoPersonId, MembershipRole.Secretariat, null));
        }

        return seats;
    }
}
