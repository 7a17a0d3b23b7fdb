namespace GovBot.Tests.Features.Import;

/// <summary>The real MHHS papers in ../shared/fixtures/mhhs-papers, next to the repository root (the folder with GovBot.sln).</summary>
internal static class PapersFixtures
{
    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovBot.sln"))) dir = dir.Parent;
            if (dir is null) Assert.Fail($"Could not find GovBot.sln above {AppContext.BaseDirectory}; the papers fixtures are located relative to it.");
            var papers = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "fixtures", "mhhs-papers"));
            if (!System.IO.Directory.Exists(papers)) Assert.Fail($"The MHHS papers fixtures are missing: expected them in {papers} (../shared/fixtures/mhhs-papers next to the repository).");
            return papers;
        }
    }

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
