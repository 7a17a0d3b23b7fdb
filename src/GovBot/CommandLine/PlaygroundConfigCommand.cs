using System.Globalization;
using System.Text;
using GovBot.People;
using GovBot.SampleData;

namespace GovBot.CommandLine;

/// <summary>
/// <c>govbot playground-config [--as PERSON-ID]</c>: prints the Agents Playground's configuration (YAML) with
/// sample-data people as its users, so that the signed-in user is a real action owner and "my open actions" has answers.
/// </summary>
public static class PlaygroundConfigCommand
{
    // The Playground's own defaults for tenant and bot; any unique ids would do.
    private const string TenantId = "00000000-0000-0000-0000-0000000000001";
    private const string BotId = "00000000-0000-0000-0000-00000000000011";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var data = MhhsSampleData.Build();
        var personId = MhhsSampleData.DemoPersonId;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--as" && i + 1 < args.Length) personId = args[++i];
            else return GovBotCommandLine.Usage($"playground-config: unknown argument '{args[i]}'.");
        }

        var current = data.People.FirstOrDefault(p => p.Id == personId);
        if (current is null)
        {
            error.WriteLine($"playground-config: no person '{personId}' in the sample data. Try one of: {string.Join(", ", data.People.Select(p => p.Id))}");
            return 2;
        }

        // The Playground wants exactly five other users: a PMO member, the group's chair and three other owners.
        var others = data.People
            .Where(p => p.Id != current.Id && p.EntraObjectId is not null)
            .OrderByDescending(p => p.IsPmo)
            .ThenByDescending(p => data.Actions.Count(a => a.Owners.Any(o => o.Value == p.Id)))
            .Take(5)
            .ToList();

        output.Write(Render(current, others));
        return 0;
    }

    internal static string Render(Person current, IReadOnlyList<Person> others)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("# Written by `govbot playground-config` from the sample data: the current user is a real action owner.");
        yaml.AppendLine("version: \"0.1.1\"");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"tenantId: {TenantId}");
        yaml.AppendLine("bot:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {BotId}");
        yaml.AppendLine("  name: GovBot");
        yaml.AppendLine("currentUser:");
        AppendUser(yaml, current, "  ");
        yaml.AppendLine("users:");
        foreach (var person in others)
        {
            AppendUser(yaml, person, "  - ", "    ");
        }
        yaml.AppendLine("personalChat:");
        yaml.AppendLine("  id: personal-chat-id");
        yaml.AppendLine("groupChat:");
        yaml.AppendLine("  id: group-chat-id");
        yaml.AppendLine("  name: DAG members");
        yaml.AppendLine("team:");
        yaml.AppendLine("  id: team-id");
        yaml.AppendLine("  name: MHHS Programme");
        yaml.AppendLine("  aadGroupId: 00000000-0000-0000-0000-000000000031");
        yaml.AppendLine("  channels:");
        yaml.AppendLine("    - id: channel-dag-id");
        yaml.AppendLine("      name: DAG");
        return yaml.ToString();
    }

    private static void AppendUser(StringBuilder yaml, Person person, string first, string? rest = null)
    {
        rest ??= first;
        var names = person.Name.Split(' ', 2);
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{first}id: \"29:{person.Id}\"");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{rest}name: {Quote(person.Name)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{rest}userPrincipleName: {person.Email}"); // sic: the Playground's key is spelt this way
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{rest}aadObjectId: {person.EntraObjectId}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{rest}givenName: {Quote(names[0])}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{rest}surname: {Quote(names.Length > 1 ? names[1] : names[0])}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{rest}email: {person.Email}");
    }

    private static string Quote(string value) => $"\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
}
