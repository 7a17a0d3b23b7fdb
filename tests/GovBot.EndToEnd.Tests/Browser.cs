using Microsoft.Playwright;

namespace GovBot.EndToEnd.Tests;

/// <summary>
/// Headless Debian Chromium (/usr/bin/chromium; never a downloaded browser) driven by Playwright, with the flags this
/// closed machine needs and a fresh profile directory. Fails with a clear message when Chromium is not installed.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly DirectoryInfo _profile;

    private Browser(IPlaywright playwright, IBrowserContext context, DirectoryInfo profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}; the browser tests need it. Install it with " +
                "'apt-get update && apt-get install -y --no-install-recommends chromium' (./govbot test does this when it is missing).");
        }

        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("govbot-chromium-");
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = Flags,
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                Timeout = 60_000,
            });
            context.SetDefaultTimeout(30_000);
            return new Browser(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            profile.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; it is a temp directory.
        }
    }
}
