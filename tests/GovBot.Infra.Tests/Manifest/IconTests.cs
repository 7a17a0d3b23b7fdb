using GovBot.Infra.Tests.Support;

namespace GovBot.Infra.Tests.Manifest;

/// <summary>Teams' icon rules, which neither the schema nor the Teams tooling checks (tooling.md §3.1).</summary>
public sealed class IconTests
{
    private static Png Load(string name) => Png.Read(File.ReadAllBytes(Repo.Path("manifest", name)));

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_HasTheRequiredSize_AsDecodableRgba(string name, int size)
    {
        var png = Load(name);

        Assert.Equal((size, size), (png.Width, png.Height));
        Assert.Equal((8, 6, 0), (png.BitDepth, png.ColorType, png.Interlace));
        Assert.NotNull(png.Rgba);
    }

    [Fact]
    public void OutlineIcon_IsOnlyWhiteOnTransparent()
    {
        var png = Load("outline.png");
        var offenders = new List<string>();
        var opaque = 0;
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                var (r, g, b, a) = png.Pixel(x, y);
                if (a > 0 && (r, g, b) != (255, 255, 255))
                {
                    offenders.Add($"({x},{y})=#{r:X2}{g:X2}{b:X2}/{a}");
                }

                opaque += a == 255 ? 1 : 0;
            }
        }

        Assert.Empty(offenders);
        Assert.Equal(0, png.Pixel(0, 0).A);
        Assert.InRange(opaque, 50, 32 * 32 / 2); // a visible glyph, and mostly background
    }

    [Fact]
    public void ColorIcon_IsAFilledBackgroundWithAWhiteGlyph()
    {
        var png = Load("color.png");
        var white = 0;
        var opaqueColour = 0;
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                var (r, g, b, a) = png.Pixel(x, y);
                if (a < 255)
                {
                    continue;
                }

                if (r == 255 && g == 255 && b == 255)
                {
                    white++;
                }
                else if (Math.Max(r, Math.Max(g, b)) < 160)
                {
                    opaqueColour++;
                }
            }
        }

        Assert.InRange(opaqueColour, 192 * 192 * 6 / 10, 192 * 192); // mostly the dark teal/indigo square
        Assert.InRange(white, 500, 192 * 192 / 4);                    // a clear white glyph
        Assert.Equal(255, png.Pixel(96, 96).A);
    }
}

/// <summary>The committed icons are what manifest/make-icons.py draws (compared pixel by pixel, not byte by byte:
/// another zlib may compress differently).</summary>
public sealed class IconScriptTests
{
    [Fact]
    public async Task CommittedIcons_MatchTheGeneratorScript()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "govbot-icons-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            var run = await ProcessRunner.RunAsync("python3", [Repo.Path("manifest", "make-icons.py"), outDir]);
            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var name in new[] { "color.png", "outline.png" })
            {
                var drawn = Png.Read(File.ReadAllBytes(Path.Combine(outDir, name)));
                var committed = Png.Read(File.ReadAllBytes(Repo.Path("manifest", name)));
                Assert.True(drawn.Rgba!.SequenceEqual(committed.Rgba!), $"manifest/{name} differs from what make-icons.py draws; rerun it and commit.");
            }
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
