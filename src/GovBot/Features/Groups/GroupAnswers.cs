using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Clock;
using GovBot.People;
using GovBot.Features.Meetings;

namespace GovBot.Features.Groups;

/// <summary>Answers "what is MCAG": the group's card with its chair and next meeting.</summary>
internal sealed class GroupAnswers(GroupStore groups, PersonStore people, MeetingQueries meetings, TimeProvider clock)
{
    public async Task<JsonObject> ShowAsync(string code, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var group = (await groups.GetAsync(code, cancellationToken))?.Value;
        if (group is null) return CommonCards.Error($"I don't know a group called **{code}**.", "help");

        var chairTask = group.ChairPersonId is { } chairId ? people.GetAsync(chairId, cancellationToken) : Task.FromResult<Storage.Versioned<Person>?>(null);
        var parentTask = group.ParentCode is { } parent ? groups.GetAsync(parent, cancellationToken) : Task.FromResult<Storage.Versioned<Group>?>(null);
        var nextTask = meetings.NextMeetingAsync(group, today, cancellationToken);
        await Task.WhenAll(chairTask, parentTask, nextTask);
        var (next, expected) = nextTask.Result;
        return GroupCards.Group(group, today, chairTask.Result?.Value.Name, next, expected, parentTask.Result?.Value.Name);
    }

    /// <summary>"who chairs DAG": the chair and secretariat as the group's record names them.</summary>
    public async Task<JsonObject> ChairAsync(string code, CancellationToken cancellationToken)
    {
        var group = (await groups.GetAsync(code, cancellationToken))?.Value;
        if (group is null) return CommonCards.Error($"I don't know a group called **{code}**.", "help");
        var chairTask = group.ChairPersonId is { } chairId ? people.GetAsync(chairId, cancellationToken) : Task.FromResult<Storage.Versioned<Person>?>(null);
        var secretariatTask = group.SecretariatPersonId is { } secretariatId ? people.GetAsync(secretariatId, cancellationToken) : Task.FromResult<Storage.Versioned<Person>?>(null);
        await Task.WhenAll(chairTask, secretariatTask);
        return GroupCards.Chair(group, UkTime.Today(clock), chairTask.Result?.Value, secretariatTask.Result?.Value);
    }
}
