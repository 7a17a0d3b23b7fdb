using GovBot.Testing;

namespace GovBot.Connector.Tests.Infrastructure;

/// <summary>The shared <see cref="LocalIssuer"/> as an xUnit class fixture.</summary>
public sealed class TestIssuer : LocalIssuer, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
