namespace GovBot.Infra.Tests.Support;

/// <summary>Paths inside the repository, found by walking up from the test binaries to GovBot.sln.</summary>
public static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The repo's node_modules; fails with the fix when npm tools are not installed.</summary>
    public static string RequireNodeModules(string package)
    {
        var dir = Path("node_modules", package);
        Assert.True(Directory.Exists(dir),
            $"{dir} is missing: the npm tools are not installed. Run ./govbot test (it runs npm ci) or `npm ci` in {Root}.");
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GovBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"GovBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
