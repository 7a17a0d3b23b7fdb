using System.Buffers.Binary;
using System.IO.Compression;

namespace GovBot.Infra.Tests.Support;

/// <summary>
/// A minimal PNG reader for the icons we generate: 8-bit RGBA (colour type 6), non-interlaced.
/// Reads IHDR, joins the IDAT chunks, inflates them with <see cref="ZLibStream"/> and undoes the per-row filters.
/// </summary>
public sealed class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private Png(int width, int height, int bitDepth, int colorType, int interlace, byte[]? rgba)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlace = interlace;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    public int ColorType { get; }

    public int Interlace { get; }

    /// <summary>Pixels as R,G,B,A bytes, row by row; null when the format is not 8-bit RGBA non-interlaced.</summary>
    public byte[]? Rgba { get; }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var pixels = Rgba ?? throw new InvalidOperationException("Pixels are only decoded for 8-bit RGBA, non-interlaced PNGs.");
        var i = ((y * Width) + x) * 4;
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]);
    }

    public static Png Read(byte[] file)
    {
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file (bad signature).");
        }

        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        var pos = 8;
        var sawHeader = false;
        while (pos + 12 <= file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(file, pos + 4, 4);
            var data = file.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    interlace = data[12];
                    sawHeader = true;
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            pos += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        if (!sawHeader)
        {
            throw new InvalidDataException("PNG has no IHDR chunk.");
        }

        byte[]? rgba = null;
        if (bitDepth == 8 && colorType == 6 && interlace == 0)
        {
            idat.Position = 0;
            using var inflated = new MemoryStream();
            using (var z = new ZLibStream(idat, CompressionMode.Decompress))
            {
                z.CopyTo(inflated);
            }

            rgba = Unfilter(inflated.ToArray(), width, height, bytesPerPixel: 4);
        }

        return new Png(width, height, bitDepth, colorType, interlace, rgba);
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        if (raw.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"Image data is {raw.Length} bytes; expected {height * (stride + 1)}.");
        }

        var output = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var src = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var row = output.AsSpan(y * stride, stride);
            var prior = y > 0 ? output.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                int up = prior[i];
                int upLeft = i >= bytesPerPixel ? prior[i - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter type {filter} in row {y}."),
                };
                row[i] = (byte)(src[i] + predictor);
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
