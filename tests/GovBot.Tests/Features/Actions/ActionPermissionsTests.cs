using GovBot.Bot;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.Groups;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Actions;

/// <summary>Who may do what to an action: one table of caller × action × operation, and the buttons and reasons that follow from it.</summary>
public class ActionPermissionsTests
{
    // DAG33-07 is owned by Ian Smith and by "DAG members".
    private static readonly ActionItem Action = TestData.Action();

    private static Caller Who(string caller) => caller switch
    {
        "owner" => Person("ian-smith"),
        "member" => Person("ann-lee", new GroupMembership("DAG", "ann-lee", MembershipRole.Member, null)),
        "chair-elsewhere" => Person("bo-ray", new GroupMembership("CCAG", "bo-ray", MembershipRole.Chair, null)),
        "secretariat" => Person("cy-fox", new GroupMembership("DAG", "cy-fox", MembershipRole.Secretariat, null)),
        "pmo" => Person("priya-patel") with { IsPmo = true },
        "pmo-owner" => Person("ian-smith") with { IsPmo = true },
        "stranger" => Person("dee-ng"),
        "unmatched" => new Caller(null, "Someone", null, [], IsPmo: false),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private static Caller Person(string id, params GroupMembership[] seats) =>
        new(null, id, TestData.Person(id) with { Id = id }, seats, IsPmo: false);

    private static ActionItem In(string state) => state switch
    {
        "open" => Action with { Status = ActionStatus.Open },
        "recommended" => Action with { Status = ActionStatus.RecommendClosed },
        "closed" => Action with { Status = ActionStatus.Closed },
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    // U = update, R = recommend closure, C = close, O = reopen, D = change due date: the letters allowed.
    [Theory]
    [InlineData("owner", "open", "UR")]
    [InlineData("owner", "recommended", "U")]
    [InlineData("owner", "closed", "")]
    [InlineData("member", "open", "UR")]        // "DAG members" own it, and Ann is one
    [InlineData("member", "closed", "")]
    [InlineData("chair-elsewhere", "open", "")]
    [InlineData("secretariat", "open", "")]     // the secretariat are not members
    [InlineData("stranger", "open", "")]
    [InlineData("unmatched", "open", "")]
    [InlineData("pmo", "open", "UCD")]          // the PMO does not recommend its own closures
    [InlineData("pmo", "recommended", "UCD")]
    [InlineData("pmo", "closed", "O")]          // a closed action is only reopened
    [InlineData("pmo-owner", "open", "URCD")]
    [InlineData("pmo-owner", "closed", "O")]
    public void WhoMayDoWhat(string caller, string state, string allowed)
    {
        var permissions = ActionPermissions.For(Who(caller), In(state));
        var letters = new Dictionary<ActionOperation, char>
        {
            [ActionOperation.Update] = 'U', [ActionOperation.RecommendClose] = 'R', [ActionOperation.Close] = 'C',
            [ActionOperation.Reopen] = 'O', [ActionOperation.ChangeDue] = 'D',
        };

        var actual = string.Concat(Enum.GetValues<ActionOperation>().Where(permissions.Allows).Select(op => letters[op]));

        Assert.Equal(allowed, actual);
        foreach (var op in Enum.GetValues<ActionOperation>())
        {
            // Every refusal says why; an allowed operation has none.
            Assert.Equal(!allowed.Contains(letters[op]), !string.IsNullOrWhiteSpace(permissions.Refusal(op)));
        }
    }

    [Theory]
    [InlineData("owner", "open", ActionButtons.Update | ActionButtons.RecommendClose)]
    [InlineData("pmo", "open", ActionButtons.Update | ActionButtons.Close | ActionButtons.ChangeDue)]
    [InlineData("pmo", "closed", ActionButtons.Reopen)]
    [InlineData("stranger", "open", ActionButtons.None)]
    public void Buttons_AreExactlyTheAllowedOperations(string caller, string state, ActionButtons buttons) =>
        Assert.Equal(buttons, ActionPermissions.For(Who(caller), In(state)).Buttons);

    [Theory]
    [InlineData("owner", "you are named as the owner")]
    [InlineData("pmo-owner", "you are named as the owner")] // the most personal reason wins
    [InlineData("member", "it is for DAG members, and you are one")]
    [InlineData("pmo", null)]
    [InlineData("unmatched", null)]
    public void WhyItIsYours(string caller, string? reason) =>
        Assert.Equal(reason, ActionPermissions.For(Who(caller), Action).OwnershipReason);

    [Fact]
    public void OwnerParties_GiveTheListReasons_ForChairsMembersAndThePmo()
    {
        var chair = Person("bo-ray", new GroupMembership("CCAG", "bo-ray", MembershipRole.Chair, null)) with { IsPmo = true };

        var parties = ActionPermissions.OwnerParties(chair);

        Assert.Equal(
        [
            (new OwnerParty(OwnerPartyKind.Person, "bo-ray"), "you are named as the owner"),
            (new OwnerParty(OwnerPartyKind.GroupChair, "CCAG"), "you chair CCAG"),
            (new OwnerParty(OwnerPartyKind.GroupMembers, "CCAG"), "it is for CCAG members, and you are one"),
            (new OwnerParty(OwnerPartyKind.Pmo, "PMO"), "it is for the PMO, and you are in the PMO"),
        ], parties);
        Assert.Empty(ActionPermissions.OwnerParties(Who("unmatched")));
    }
}
