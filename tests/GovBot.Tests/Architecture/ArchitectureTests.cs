using System.Reflection;
using GovBot.Bot;
using GovBot.Connector;

namespace GovBot.Tests.Architecture;

/// <summary>
/// The layout's rules, checked on the compiled assemblies (docs/architecture.md): the connector knows nothing of the
/// app; a feature slice uses only what another slice made public; the shared kernel does not reach into features.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly App = typeof(GovBotFeatures).Assembly;

    private const string FeaturesPrefix = "GovBot.Features.";

    [Fact]
    public void Connector_DoesNotReferenceTheApp()
    {
        var connector = typeof(ConnectorClient).Assembly;
        Assert.DoesNotContain(connector.GetReferencedAssemblies(), a => a.Name == App.GetName().Name);
        Assert.All(connector.GetTypes(), t => Assert.StartsWith("GovBot.Connector", t.Namespace ?? "GovBot.Connector", StringComparison.Ordinal));
    }

    [Fact]
    public void Slices_UseOnlyWhatOtherSlicesMadePublic()
    {
        var violations = SliceViolations(App, FeaturesPrefix);
        Assert.True(violations.Count == 0, "A slice uses another slice's internals:\n" + string.Join("\n", violations));
    }

    /// <summary>The check itself finds a hidden reference, in a signature and in a lambda's body (Samples below).</summary>
    [Fact]
    public void SliceCheck_FindsInternalsUsedAcrossSlices_InSignaturesAndBodies()
    {
        var violations = SliceViolations(typeof(ArchitectureTests).Assembly, "GovBot.Tests.Architecture.Samples.Features.");
        Assert.Contains(violations, v => v.StartsWith("Borrower.UsesInSignature", StringComparison.Ordinal) && v.EndsWith("Lender.Secret", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Borrower.UsesInLambda", StringComparison.Ordinal) && v.EndsWith("Lender.Secret", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.EndsWith("Lender.Open", StringComparison.Ordinal));
    }

    [Fact]
    public void Features_DoNotKnowTheListOfFeatures()
    {
        var offenders = App.GetTypes()
            .Where(t => InFeature(t, FeaturesPrefix) is not null && TypeReferences.Of(t).Contains(typeof(GovBotFeatures)))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryFeatureModule_IsRegistered_AndLivesInItsSlice()
    {
        var modules = App.GetTypes().Where(t => typeof(IGovBotFeature).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();
        Assert.NotEmpty(modules);
        Assert.All(modules, m => Assert.NotNull(InFeature(m, FeaturesPrefix)));
        Assert.Equal(modules.Select(m => m.FullName).Order(), GovBotFeatures.All.Select(f => f.GetType().FullName).Order());
        Assert.Equal(modules.Count, modules.Select(m => InFeature(m, FeaturesPrefix)).Distinct().Count());
    }

    /// <summary>
    /// The kernel (cards, recognition, clock, calendar, hosting, telemetry) is shared by every feature, so it must
    /// not depend on one. The Bot host and Storage may still use the few features named here, each for a reason.
    /// </summary>
    [Fact]
    public void Kernel_DoesNotDependOnFeatures()
    {
        string[] kernel = ["GovBot.Cards", "GovBot.Recognition", "GovBot.Clock", "GovBot.Calendar", "GovBot.Hosting", "GovBot.Observability", "GovBot.Bot", "GovBot.Storage"];
        // Who is asking: their seats in groups and whether an action is theirs (Caller); the vocabulary of group
        // names (AskService, RecognitionContext); the welcome card on install; the JSON columns of feature records.
        string[] allowed = ["GovBot.Features.Groups", "GovBot.Features.Actions", "GovBot.Features.Help", "GovBot.Features.Meetings", "GovBot.Features.ChangeRequests"];
        var violations = App.GetTypes()
            .Where(t => kernel.Any(k => (t.Namespace ?? "") == k || (t.Namespace ?? "").StartsWith(k + ".", StringComparison.Ordinal)))
            .Where(t => t.Name != "GovernanceDataWriter" && t.Name != "StorageStartupService") // composition: writes every feature's records
            .SelectMany(t => TypeReferences.Of(t).Where(r => r.Assembly == App && InFeature(r, FeaturesPrefix) is { } f && !allowed.Contains(FeaturesPrefix + f))
                .Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, "The kernel depends on a feature:\n" + string.Join("\n", violations));
    }

    private static string? InFeature(Type type, string prefix)
    {
        var ns = type.Namespace ?? "";
        if (!ns.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = ns[prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>"Slice.Type -> OtherSlice.Type" for each non-public type of one slice used by another.</summary>
    internal static List<string> SliceViolations(Assembly assembly, string prefix) =>
        assembly.GetTypes()
            .Where(t => InFeature(t, prefix) is not null)
            .SelectMany(t => TypeReferences.Of(t)
                .Where(r => r.Assembly == assembly && !r.IsVisible && InFeature(r, prefix) is { } owner && owner != InFeature(t, prefix))
                .Select(r => $"{Name(t, prefix)} -> {Name(r, prefix)}"))
            .Distinct()
            .ToList();

    private static string Name(Type t, string prefix) =>
        (t.DeclaringType is { } outer ? Name(outer, prefix) : (t.Namespace ?? "")[prefix.Length..]) + "." + t.Name;
}
