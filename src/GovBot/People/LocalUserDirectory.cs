namespace GovBot.People;

/// <summary>The identity directory for local runs: the people in GovBot's own storage (the sample directory). It has no security groups.</summary>
public sealed class LocalUserDirectory(PersonStore people) : IUserDirectory
{
    public async Task<DirectoryUser?> GetUserAsync(string objectId, CancellationToken cancellationToken)
    {
        var person = await people.FindByEntraObjectIdAsync(objectId, cancellationToken);
        return person is null ? null : new DirectoryUser(person.EntraObjectId ?? objectId, person.Name, person.Email, person.Organisation);
    }

    public Task<bool> IsInGroupAsync(string objectId, string groupId, CancellationToken cancellationToken) => Task.FromResult(false);
}
