using GovBot.Storage;
using Microsoft.Extensions.Options;

namespace GovBot.CommandLine;

/// <summary>Storage for command-line verbs: the app's configuration (appsettings, environment), validated, tables created.</summary>
internal static class StorageCommandHost
{
    /// <summary>The service provider, or null after a clear message on <paramref name="stderr"/> when the configuration is invalid.</summary>
    public static async Task<ServiceProvider?> StartAsync(string[] configurationArgs, TextWriter stderr, Action<IServiceCollection>? register, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddGovBot(builder.Configuration);
        register?.Invoke(builder.Services);
        var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value; // validates now, for a clear message
            await services.GetRequiredService<GovBotTables>().EnsureCreatedAsync(cancellationToken);
            return services;
        }
        catch (OptionsValidationException e)
        {
            await stderr.WriteLineAsync(e.Message);
            await services.DisposeAsync();
            return null;
        }
    }
}

/// <summary>The import's write path, started only when something is to be written (a dry run needs no storage).</summary>
internal sealed class LazyStorageImportWriter(TextWriter stderr) : Features.Import.IPapersImportWriter, IAsyncDisposable
{
    private ServiceProvider? _services;

    public Task<string> WriteAsync(Features.Import.PapersImport import, CancellationToken cancellationToken) => WriteAsync(import, null, cancellationToken);

    public async Task<string> WriteAsync(Features.Import.PapersImport import, Features.Papers.PaperFile? paper, CancellationToken cancellationToken)
    {
        _services ??= await StorageCommandHost.StartAsync([], stderr, s => s.AddSingleton<Features.Import.StoragePapersImportWriter>(), cancellationToken)
            ?? throw new InvalidOperationException("Storage is not configured correctly (see the message above).");
        return await _services.GetRequiredService<Features.Import.StoragePapersImportWriter>().WriteAsync(import, paper, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }
}
