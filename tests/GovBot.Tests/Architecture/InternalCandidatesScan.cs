using System.Reflection;

namespace GovBot.Tests.Architecture;

public class InternalCandidatesScan
{
    [Fact]
    public void Scan()
    {
        var app = typeof(GovBotFeatures).Assembly;
        var others = new[] { "GovBot.Testing", "GovBot.EndToEnd.Tests", "GovBot.Infra.Tests" }
            .Select(n => { try { return Assembly.Load(n); } catch { return null; } }).Where(a => a is not null).ToList();
        static string? Slice(Type t) => (t.Namespace ?? "").StartsWith("GovBot.Features.", StringComparison.Ordinal) ? (t.Namespace ?? "").Split('.')[2] : null;
        var users = new Dictionary<Type, HashSet<string>>();
        foreach (var t in app.GetTypes())
        {
            foreach (var r in TypeReferences.Of(t))
            {
                if (r.Assembly != app) continue;
                var top = r; while (top.DeclaringType is not null) top = top.DeclaringType;
                var userTop = t; while (userTop.DeclaringType is not null) userTop = userTop.DeclaringType;
                if (top == userTop) continue;
                (users.TryGetValue(top, out var set) ? set : users[top] = []).Add(Slice(t) ?? "kernel:" + t.Namespace);
            }
        }
        var lines = new List<string>();
        foreach (var t in app.GetTypes().Where(t => t.IsPublic && Slice(t) is not null))
        {
            var slice = Slice(t)!;
            var outside = users.TryGetValue(t, out var s) ? s.Where(u => u != slice).ToList() : [];
            if (outside.Count == 0) lines.Add($"{t.FullName}");
        }
        File.WriteAllLines("/tmp/internal-candidates.txt", lines);
    }
}
