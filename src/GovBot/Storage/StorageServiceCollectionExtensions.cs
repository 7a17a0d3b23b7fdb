using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Table storage: options "Storage" (validated at start-up), the <see cref="TableServiceClient"/> and <see cref="QueueServiceClient"/> (managed identity
    /// when Storage:TableEndpoint is set, else the connection string), <see cref="GovBotTables"/> (the features register
    /// their stores and declare their tables) and the readiness flag. The host adds the start-up service that creates the tables and, when
    /// SampleData:SeedWhenEmpty allows, loads the sample data into an empty store.
    /// </summary>
    public static IServiceCollection AddGovBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(sp => new StorageOptionsValidator(sp.GetService<IHostEnvironment>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SampleDataOptions>().BindConfiguration(SampleDataOptions.Section);
        services.AddSingleton(sp => CreateServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => CreateQueueServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => CreateBlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<GovBotTables>();
        services.AddSingleton<StorageReadiness>();
        return services;
    }

    /// <summary>
    /// The table client. <paramref name="clientOptions"/> (tests) replaces the retry and timeout settings of
    /// <paramref name="options"/>; failures surface as <see cref="Azure.RequestFailedException"/> either way.
    /// </summary>
    internal static TableServiceClient CreateServiceClient(StorageOptions options, TableClientOptions? clientOptions = null)
    {
        if (clientOptions is null) clientOptions = StorageResilience.TableClientOptions(options);
        else StorageResilience.AddFailurePolicy(clientOptions);
        return options.TableEndpoint is { } endpoint
            ? new TableServiceClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }

    /// <summary>Queues: managed identity when Storage:QueueEndpoint is set, else the connection string.</summary>
    internal static QueueServiceClient CreateQueueServiceClient(StorageOptions options)
    {
        var clientOptions = StorageResilience.QueueClientOptions(options);
        return options.QueueEndpoint is { } endpoint
            ? new QueueServiceClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new QueueServiceClient(options.ConnectionString, clientOptions);
    }

    /// <summary>Blobs: managed identity when Storage:BlobEndpoint is set, else the connection string (Azurite).</summary>
    internal static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        var clientOptions = StorageResilience.BlobClientOptions(options);
        return options.BlobEndpoint is { } endpoint
            ? new BlobServiceClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new BlobServiceClient(options.ConnectionString, clientOptions);
    }
}

/// <summary>Configuration section "SampleData".</summary>
public sealed class SampleDataOptions
{
    public const string Section = "SampleData";

    /// <summary>Load the sample data set at start-up when no group is stored. Unset: true in Development only.</summary>
    public bool? SeedWhenEmpty { get; set; }
}
