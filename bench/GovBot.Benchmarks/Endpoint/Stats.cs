namespace GovBot.Benchmarks;

/// <summary>Latency samples (milliseconds) and what a table row says about them.</summary>
public sealed class Stats(string name)
{
    private readonly List<double> _ms = [];

    public string Name { get; } = name;
    public int Count => _ms.Count;
    public int Errors { get; set; }
    public TimeSpan Elapsed { get; set; }
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Count / Elapsed.TotalSeconds : 0;

    public void Add(double ms)
    {
        lock (_ms)
        {
            _ms.Add(ms);
        }
    }

    public double Percentile(double p)
    {
        lock (_ms)
        {
            if (_ms.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _ms.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);
}
