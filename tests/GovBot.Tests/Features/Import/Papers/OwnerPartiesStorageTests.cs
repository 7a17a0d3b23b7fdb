using GovBot.Features.GroupUpdates;
using GovBot.Features.Events;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Import;
using GovBot.Features.Meetings;
using GovBot.People;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Import;

/// <summary>An action owned by two parties, imported from papers on Azurite: each person finds it among their own actions.</summary>
public sealed class OwnerPartiesStorageTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private const string Papers = """
        Design Advisory Group (DAG) 35
        10 April 2024
        10:00-12:30

        Ref Date Action Owner Due Date Status Latest update

        DAG35-02

        Agree the LDSO cut-over rehearsal dates with 

        the migration team

        Elexon (Jane Doe) / 

        LDSOs (Taylor Brooks)
        08/05/2024

        Open
        """;

    [Fact]
    public async Task EveryPersonOfASeveralPartyOwner_SeesTheAction()
    {
        var people = new PersonStore(Tables);
        await people.UpsertAsync(new Person("jane-doe", null, "Jane Doe", "jane.doe@elexon.example", "Elexon", []), Ct);
        await people.UpsertAsync(new Person("taylor-brooks", null, "Taylor Brooks", "taylor@dno.example", "DNO", []), Ct);
        var actions = new ActionStore(Tables);
        var writer = new StoragePapersImportWriter(actions, new MeetingStore(Tables), new DecisionStore(Tables), new ChecklistStore(Tables), people,
            new EventStore(Tables), new GroupUpdateStore(Tables),
            new GovBot.Features.Papers.PaperCommands(CreatePaperStore(), Microsoft.Extensions.Logging.Abstractions.NullLogger<GovBot.Features.Papers.PaperCommands>.Instance));

        await writer.WriteAsync(PapersParser.Parse(Papers, "dag-35-2024-04-10-papers.txt"), Ct);

        foreach (var person in new[] { "jane-doe", "taylor-brooks" })
        {
            var theirs = await actions.ListByOwnerPartyAsync(new OwnerParty(OwnerPartyKind.Person, person), Ct);
            Assert.Equal("Elexon (Jane Doe) / LDSOs (Taylor Brooks)", Assert.Single(theirs, a => a.Ref == "DAG35-02").OwnerText);
        }
    }
}
