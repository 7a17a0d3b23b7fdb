namespace GovBot.Tests.Features.Import;

/// <summary>The real MHHS papers in ../shared/fixtures/mhhs-papers, next to the repository root (the folder with GovBot.sln).</summary>
internal static class PapersFixtures
{
    public static string Directory => RepoPaths.PapersFolder;

    public static string PathOf(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path)) Assert.Fail($"Fixture paper {fileName} is missing from {Directory}.");
        return path;
    }

    public static PapersImportUnderTest Parse(string fileName)
    {
        var path = PathOf(fileName);
        return new(GovBot.Features.Import.PapersParser.Parse(File.ReadAllText(path), fileName));
    }

    /// <summary>Our own paper in the same style (tests/GovBot.Tests/Features/Import/Papers).</summary>
    public static string SyntheticPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Features", "Import", "Papers", fileName);
}

internal sealed record PapersImportUnderTest(GovBot.Features.Import.PapersImport Import)
{
    public GovBot.Features.Import.PapersActionRow Action(string actionRef) =>
        Import.Actions.SingleOrDefault(a => a.Ref == actionRef) ?? throw new Xunit.Sdk.XunitException($"no action row {actionRef}; read: {string.Join(", ", Import.Actions.Select(a => a.Ref))}");
}
