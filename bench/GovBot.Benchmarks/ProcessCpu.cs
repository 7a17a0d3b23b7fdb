using System.Diagnostics;
using System.Globalization;

namespace GovBot.Benchmarks;

/// <summary>
/// CPU time (user + system) that named processes spend during one phase of a benchmark, read from the kernel's
/// accounting (<see cref="Process.TotalProcessorTime"/>, /proc/PID/stat on Linux) before and after. Unlike latency or
/// throughput it hardly depends on what else the machine is doing, so ratios of it hold between runs.
/// </summary>
public sealed class ProcessCpu
{
    private readonly Dictionary<string, Process> _processes = new(StringComparer.Ordinal);
    private Dictionary<string, TimeSpan> _start = [];

    /// <summary>Adds a process under a name (the table's column); the bench's own process is <c>Process.GetCurrentProcess()</c>.</summary>
    public ProcessCpu Watch(string name, Process? process)
    {
        if (process is not null)
        {
            _processes[name] = process;
        }

        return this;
    }

    public void Start() => _start = Read();

    /// <summary>CPU time of each watched process since <see cref="Start"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Stop()
    {
        var now = Read();
        return now.ToDictionary(p => p.Key, p => p.Value - _start.GetValueOrDefault(p.Key), StringComparer.Ordinal);
    }

    /// <summary>Runs <paramref name="phase"/> and returns its result with the CPU each process spent on it.</summary>
    public async Task<(T Result, IReadOnlyDictionary<string, TimeSpan> Cpu)> MeasureAsync<T>(Func<Task<T>> phase)
    {
        Start();
        var result = await phase();
        return (result, Stop());
    }

    private Dictionary<string, TimeSpan> Read()
    {
        var read = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (name, process) in _processes)
        {
            try
            {
                process.Refresh();
                read[name] = process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // Exited (or killed by the bench on purpose): its last reading stands.
                read[name] = _start.GetValueOrDefault(name);
            }
        }

        return read;
    }

    /// <summary>Milliseconds of CPU per unit of work (turn, question, copy), "n/a" when nothing was done.</summary>
    public static string PerUnit(TimeSpan cpu, int units) =>
        units > 0 ? (cpu.TotalMilliseconds / units).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}

/// <summary>Repeated measurements of one figure: median and range, as the README reports ratios from alternating rounds.</summary>
public sealed record Spread(IReadOnlyList<double> Values)
{
    public double Median
    {
        get
        {
            if (Values.Count == 0) return double.NaN;
            var sorted = Values.Order().ToArray();
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public double Min => Values.Count == 0 ? double.NaN : Values.Min();
    public double Max => Values.Count == 0 ? double.NaN : Values.Max();

    /// <summary>"0.42 (0.40–0.45)": median, then min–max.</summary>
    public string Format(string format = "0.00") => Values.Count == 0
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)})");
}
