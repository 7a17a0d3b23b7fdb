using System.Security.Cryptography;

namespace GovBot.Benchmarks;

/// <summary>
/// GovBot's configuration for a bench run as its own process: Production, authentication on against the local
/// issuer, outbound tokens from the local managed-identity endpoint, replies to the fake connector.
/// </summary>
public static class GovBotBenchSettings
{
    public static Dictionary<string, string?> For(LocalIdentityAndConnector identity, string storageConnectionString, string tablePrefix) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage__ConnectionString"] = storageConnectionString,
        ["Storage__TablePrefix"] = tablePrefix,
        // No Clock__StartAt: the app's clock also judges token lifetimes, and the issuer's tokens are issued now.
        ["Clock__StartAt"] = null,
        ["SampleData__SeedWhenEmpty"] = "true",
        ["Bot__AppId"] = LocalIdentityAndConnector.AppId,
        ["Bot__TenantId"] = LocalIdentityAndConnector.TenantId,
        ["Bot__AppType"] = "UserAssignedMSI",
        ["Bot__AllowedTenants"] = LocalIdentityAndConnector.TenantId,
        ["Bot__TrustedServiceUrls"] = identity.ServiceUrl,
        ["Bot__Authentication__EntraOpenIdMetadataUrl"] = identity.EntraMetadataUrl,
        ["Bot__Authentication__ChannelOpenIdMetadataUrl"] = identity.EntraMetadataUrl,
        ["IDENTITY_ENDPOINT"] = identity.ManagedIdentityEndpoint,
        ["IDENTITY_HEADER"] = LocalIdentityAndConnector.IdentityHeader,
        // Production requires these for the signed links; the bench follows no link, so a key made for this run and
        // an address nobody serves are enough.
        ["Notices__LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Notices__PublicBaseUrl"] = "https://govbot.bench.invalid/",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
