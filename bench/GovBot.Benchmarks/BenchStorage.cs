using GovBot.SampleData;
using GovBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Benchmarks;

/// <summary>What the bench's seeders share: the app's own services on a storage account, and the sample groups' codes.</summary>
internal static class BenchStorage
{
    /// <summary>The sample data's group codes that read as refs (2–8 capital letters), for synthetic records.</summary>
    public static readonly string[] GroupCodes = MhhsSampleData.Build().Groups.Select(g => g.Code).Where(c => c.Length is >= 2 and <= 8 && c.All(char.IsAsciiLetterUpper)).ToArray();

    /// <summary>GovBot's services (stores, writers) on <paramref name="connectionString"/> under <paramref name="tablePrefix"/>, its tables created.</summary>
    public static async Task<ServiceProvider> OpenAsync(string connectionString, string tablePrefix, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = tablePrefix,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddGovBot(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<GovBotTables>().EnsureCreatedAsync(ct);
        return provider;
    }
}
