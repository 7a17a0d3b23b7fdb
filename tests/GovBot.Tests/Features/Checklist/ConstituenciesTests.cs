using GovBot.Features.Checklist;
using GovBot.Features.Groups;
using GovBot.People;

namespace GovBot.Tests.Features.Checklist;

public class ConstituenciesTests
{
    [Theory]
    [InlineData("Non-SIT Licensed Distribution System Operator (LDSO) test cases review", "LDSO")]
    [InlineData("LDSOs to confirm their readiness", "LDSO")]
    [InlineData("iDNOs to submit the connection data", "iDNO")]
    [InlineData("DNOs and iDNOs: migration plan comments", "DNO,iDNO")]
    [InlineData("Suppliers and Supplier Agents to complete the readiness survey", "Supplier,SupplierAgent")]
    [InlineData("Supplier Agents: qualification evidence due", "SupplierAgent")]
    [InlineData("Assumptions for the Data Communications Company (DCC) capacity planning", "DCC")]
    [InlineData("Elexon to publish the BSC changes", "Elexon")]
    [InlineData("National Grid ESO response to the consultation", "NGESO")]
    [InlineData("Software providers: interface specification published", "SoftwareProvider")]
    [InlineData("Code Topic Mop Up 2 Consultation", "")]
    [InlineData("MHHS Supply, Distribution & Transmission Licence Review Consultation", "")]
    [InlineData("Pre-Qualification Submission", "")]
    public void InText_ReadsTheConstituenciesItNames(string text, string expected) =>
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Constituencies.InText(text));

    [Fact]
    public void Covering_IncludesWiderAndNarrowerConstituencies()
    {
        Assert.Equal(["DNO", "LDSO"], Constituencies.Covering(["DNO"]).Order());
        Assert.Equal(["DNO", "iDNO", "LDSO"], Constituencies.Covering(["LDSO"]).Order(StringComparer.OrdinalIgnoreCase));
        Assert.True(Constituencies.Applies(["LDSO"], Constituencies.Covering(["iDNO"])));
        Assert.False(Constituencies.Applies(["iDNO"], Constituencies.Covering(["DNO"])));
        Assert.True(Constituencies.Applies([], Constituencies.Covering(["DCC"])));
    }

    [Fact]
    public void OfPerson_ReadsOrganisationAndSeats()
    {
        var dno = new Person("taylor-brooks", null, "Taylor Brooks", "t@dno.example", "DNO (fictional sample person)", []);
        Assert.Equal(["DNO"], Constituencies.OfPerson(dno, []));
        var agent = new Person("charlie-dunn", null, "Charlie Dunn", "c@agent.example", "Independent supplier agent", []);
        Assert.Equal(["SupplierAgent"], Constituencies.OfPerson(agent, []));
        var craig = new Person("craig-handford", null, "Craig Handford", "c@supplier.example", null, []);
        Assert.Equal(["Supplier"], Constituencies.OfPerson(craig, [new GroupMembership("DAG", "craig-handford", MembershipRole.Member, "Large Supplier")]));
        var programme = new Person("lee-cox", null, "Lee Cox", "l@mhhs.example", "MHHS Programme", []);
        Assert.Empty(Constituencies.OfPerson(programme, []));
    }
}
