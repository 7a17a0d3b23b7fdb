using GovBot.Features.Actions;
using GovBot.Features.Import;

namespace GovBot.Tests.Features.Import;

/// <summary>
/// Owner cells naming several parties, each with a role or organisation and a person in brackets, in the three
/// layouts of the seed papers: DAG 34 (one cell per line, wrapped lines end with a space), TMAG 06 (ref, date and
/// text on one line, owner on lines of its own) and DAG 14 (tab-separated).
/// </summary>
public class OwnerPartiesTests
{
    private static PapersActionRow Row(string papers) =>
        Assert.Single(PapersParser.Parse(papers, "dag-35-2024-04-10-papers.txt").Actions);

    public static TheoryData<string, string> Dag34Layout => new()
    {
        { "Elexon (Jane Doe) / LDSOs (John Roe)", "Elexon (Jane Doe) / \n\nLDSOs (John Roe)" },
        { "Elexon Change Raiser (Mike Ceney), Large Supplier Representative (Craig Handford)", "Elexon Change Raiser \n\n(Mike Ceney), Large Supplier \n\nRepresentative (Craig Handford)" },
        { "Programme (Lee Cox) and DCC (Ann Lee)", "Programme (Lee Cox) and \n\nDCC (Ann Lee)" },
        { "iDNOs (Ruth Ng); Programme (PMO)", "iDNOs (Ruth Ng); \n\nProgramme (PMO)" },
    };

    [Theory]
    [MemberData(nameof(Dag34Layout))]
    public void Dag34Layout_KeepsEveryParty(string expected, string ownerCell)
    {
        var row = Row($"""
            Ref Date Action Owner Due Date Status Latest update

            DAG34-03

            Review the LDSO test scenarios with the 

            data service and report back to DAG

            {ownerCell}
            10/04/2024

            Open
            """);
        Assert.Equal(expected, row.Owner);
        Assert.Equal("Review the LDSO test scenarios with the data service and report back to DAG", row.Text);
        Assert.Equal(new DateOnly(2024, 4, 10), row.Due);
    }

    [Fact]
    public void Tmag06Layout_KeepsEveryParty()
    {
        var row = Row("""
            Ref Date Action Owner Due Date Status Latest update
            TMAG07-02 15/06/2022 Share the migration plan with constituents and 
            collect their feedback

            Elexon (Jane Doe) / 
            Suppliers (Sam Rivers)

            20/07/2022 Open

            No feedback yet.
            """);
        Assert.Equal("Elexon (Jane Doe) / Suppliers (Sam Rivers)", row.Owner);
        Assert.Equal("Share the migration plan with constituents and collect their feedback", row.Text);
    }

    [Fact]
    public void Dag14Layout_KeepsEveryParty()
    {
        var row = Row("Ref\tDate\tAction\tOwner\tDue Date\tUpdate\nDAG14-01\t10/08/2022\tAgree the cut-over plan\tElexon (Jane Doe) / LDSOs (John Roe)\t07/09/2022\tONGOING: in progress\n");
        Assert.Equal("Elexon (Jane Doe) / LDSOs (John Roe)", row.Owner);
    }

    [Fact]
    public void ATextEndingInBracketsBeforeASeparatorStaysText()
    {
        var row = Row("""
            Ref Date Action Owner Due Date Status Latest update

            DAG34-04

            Publish the scenarios (draft) /

            Programme (Lee Cox)
            10/04/2024

            Open
            """);
        Assert.Equal("Programme (Lee Cox)", row.Owner);
    }

    public static TheoryData<string, string[]> Owners => new()
    {
        { "Elexon (Jane Doe) / LDSOs (John Roe)", ["jane-doe", "john-roe"] },
        { "Elexon Change Raiser (Mike Ceney), Large Supplier Representative (Craig Handford)", ["mike-ceney", "craig-handford"] },
        { "Programme (Lee Cox) and DCC (Ann Lee)", ["lee-cox", "ann-lee"] },
        { "LDSOs (John Roe, Ann Lee) / Elexon (Jane Doe)", ["john-roe", "ann-lee", "jane-doe"] },
        { "Suppliers (Sam Rivers & Alex Morgan)", ["sam-rivers", "alex-morgan"] },
    };

    [Theory]
    [MemberData(nameof(Owners))]
    public void Resolver_KeepsEveryPerson(string owner, string[] people) =>
        Assert.Equal(people.Select(p => new OwnerParty(OwnerPartyKind.Person, p)), OwnerResolver.Resolve(owner, "DAG"));

    [Fact]
    public void Resolver_KeepsRolesBesidePeople() =>
        Assert.Equal(
            [new OwnerParty(OwnerPartyKind.Person, "ruth-ng"), new OwnerParty(OwnerPartyKind.Pmo, "PMO")],
            OwnerResolver.Resolve("iDNOs (Ruth Ng); Programme (PMO)", "DAG"));
}
