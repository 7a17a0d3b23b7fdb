namespace GovBot.Tests;

/// <summary>Finds the repository root (the folder holding GovBot.sln) and ../shared beside it (schemas, the real papers).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = GovBot.Testing.RepoPaths.Root();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The path of a file in ../shared/schemas, failing the test with a clear message when it is missing.</summary>
    public static string SharedSchema(string fileName)
    {
        var path = Path.Combine(Shared, "schemas", fileName);
        if (!File.Exists(path))
            Assert.Fail($"Missing {fileName}: expected it at {path} (the shared/schemas folder beside the repository). " +
                        "Get it from microsoft/AdaptiveCards (schemas/1.5.0/adaptive-card.json, samples/HostConfig/microsoft-teams-light.json) and put it there; it is not vendored in this repository.");
        return path;
    }

    /// <summary>../shared/fixtures/mhhs-papers, failing the test with a clear message when it is missing.</summary>
    public static string PapersFolder
    {
        get
        {
            var folder = Path.Combine(Shared, "fixtures", "mhhs-papers");
            if (!System.IO.Directory.Exists(folder))
                Assert.Fail($"The real MHHS papers are missing: expected them in {folder} (shared/fixtures/mhhs-papers beside the repository).");
            return folder;
        }
    }
}
