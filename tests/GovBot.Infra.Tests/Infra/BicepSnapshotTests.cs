using System.Text.Json.Nodes;

namespace GovBot.Infra.Tests.Infra;

/// <summary>
/// The security-relevant settings of what would be deployed, read from `bicep snapshot` (resolved names, ids and
/// properties; runtime values stay as [reference(...)] expressions) for each environment.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class BicepSnapshotTests(BicepFixture bicep)
{
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void Bot_UsesTheUserAssignedIdentity_WithLocalAuthDisabled(string env)
    {
        var resources = Resources(env);
        var identity = Single(resources, "Microsoft.ManagedIdentity/userAssignedIdentities");
        var bot = Single(resources, "Microsoft.BotService/botServices");
        var p = bot["properties"]!;

        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("global", (string?)bot["location"]);
        Assert.Equal("UserAssignedMSI", (string?)p["msaAppType"]);
        Assert.Equal((string?)identity["id"], (string?)p["msaAppMSIResourceId"]);
        Assert.Equal(Reference(identity, "clientId"), (string?)p["msaAppId"]);
        Assert.Equal(Reference(identity, "tenantId"), (string?)p["msaAppTenantId"]);
        Assert.True((bool)p["disableLocalAuth"]!);
        Assert.Matches(@"^\[format\('https://\{0\}/api/messages', reference\('.*/Microsoft\.Web/sites/", (string?)p["endpoint"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void TeamsChannel_IsEnabled(string env)
    {
        var channel = Single(Resources(env), "Microsoft.BotService/botServices/channels");

        Assert.EndsWith("/MsTeamsChannel", (string?)channel["name"], StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.True((bool)channel["properties"]!["properties"]!["isEnabled"]!);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WebApp_IsHttpsOnlyDotNet10_WithTheIdentityAndNoBasicAuth(string env)
    {
        var resources = Resources(env);
        var identity = Single(resources, "Microsoft.ManagedIdentity/userAssignedIdentities");
        var web = Single(resources, "Microsoft.Web/sites");
        var site = web["properties"]!;
        var config = site["siteConfig"]!;

        Assert.Equal("UserAssigned", (string?)web["identity"]!["type"]);
        Assert.Equal([(string?)identity["id"]], web["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => (string?)p.Key));
        Assert.True((bool)site["httpsOnly"]!);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("1.2", (string?)config["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);

        var policies = resources.Where(r => (string?)r["type"] == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], policies.Select(p => ((string)p["name"]!).Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WebApp_Settings_UseTheIdentityAndEntraOnlyEndpoints(string env)
    {
        var resources = Resources(env);
        var identity = Single(resources, "Microsoft.ManagedIdentity/userAssignedIdentities");
        var storage = Single(resources, "Microsoft.Storage/storageAccounts");
        var settings = Single(resources, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string?)s!["value"]);

        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal(Reference(identity, "clientId"), settings["Bot__AppId"]);
        Assert.Equal(Reference(identity, "tenantId"), settings["Bot__TenantId"]);
        Assert.Equal("UserAssignedMSI", settings["Bot__AppType"]);
        Assert.Equal(Reference(identity, "clientId"), settings["AZURE_CLIENT_ID"]);
        Assert.Equal(Reference(storage, "primaryEndpoints.table"), settings["Storage__TableEndpoint"]);
        Assert.Equal(Reference(storage, "primaryEndpoints.queue"), settings["Storage__QueueEndpoint"]);
        Assert.Equal(Reference(storage, "primaryEndpoints.blob"), settings["Storage__BlobEndpoint"]);
        Assert.True(settings.ContainsKey("Storage__TablePrefix"));
        Assert.Equal(BicepFixture.PmoGroupId, settings["Pmo__GroupId"]);
        Assert.Contains(".ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.DoesNotContain(settings, s => s.Key.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase) && s.Key.StartsWith("Storage", StringComparison.Ordinal));
        Assert.DoesNotContain(settings.Values, v => v is not null && (v.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) || v.Contains("listKeys", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Storage_AcceptsOnlyEntraIdOverTls12(string env)
    {
        var resources = Resources(env);
        var storage = Single(resources, "Microsoft.Storage/storageAccounts");
        var p = storage["properties"]!;

        Assert.Equal("StorageV2", (string?)storage["kind"]);
        Assert.False((bool)p["allowSharedKeyAccess"]!);
        Assert.False((bool)p["allowBlobPublicAccess"]!);
        Assert.True((bool)p["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)p["minimumTlsVersion"]);
        Single(resources, "Microsoft.Storage/storageAccounts/tableServices");
        Single(resources, "Microsoft.Storage/storageAccounts/queueServices");
        Single(resources, "Microsoft.Storage/storageAccounts/blobServices");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Identity_HasExactlyTheDataRoles_OnItsOwnResources(string env)
    {
        var resources = Resources(env);
        var identity = Single(resources, "Microsoft.ManagedIdentity/userAssignedIdentities");
        var storageId = (string)Single(resources, "Microsoft.Storage/storageAccounts")["id"]!;
        var insightsId = (string)Single(resources, "Microsoft.Insights/components")["id"]!;
        var assignments = resources.Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(r => (
                Scope: ((string)r["id"]!).Split("/providers/Microsoft.Authorization/roleAssignments/")[0],
                Role: ((string)r["properties"]!["roleDefinitionId"]!).Split('/')[^1],
                Principal: (string?)r["properties"]!["principalId"],
                Type: (string?)r["properties"]!["principalType"]))
            .ToList();

        Assert.Equal(
            new[] { (storageId, BlobDataContributor), (storageId, QueueDataContributor), (storageId, TableDataContributor), (insightsId, MonitoringMetricsPublisher) }.Order(),
            assignments.Select(a => (a.Scope, a.Role)).Order());
        Assert.All(assignments, a =>
        {
            Assert.Equal(Reference(identity, "principalId"), a.Principal);
            Assert.Equal("ServicePrincipal", a.Type);
        });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AppInsights_IsWorkspaceBased_AndAcceptsOnlyEntraIdTelemetry(string env)
    {
        var resources = Resources(env);
        var workspace = Single(resources, "Microsoft.OperationalInsights/workspaces");
        var insights = Single(resources, "Microsoft.Insights/components");

        Assert.Equal((string?)workspace["id"], (string?)insights["properties"]!["WorkspaceResourceId"]);
        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
    }

    [Fact]
    public void Prod_UsesZoneRedundantStorage_AndAPremiumPlan()
    {
        var resources = Resources("prod");
        Assert.Equal("Standard_ZRS", (string?)Single(resources, "Microsoft.Storage/storageAccounts")["sku"]!["name"]);
        Assert.Equal("P0v3", (string?)Single(resources, "Microsoft.Web/serverfarms")["sku"]!["name"]);
    }

    private List<JsonObject> Resources(string env)
    {
        var snapshot = bicep.SnapshotJson(env);
        Assert.Empty(snapshot["diagnostics"]?.AsArray() ?? []);
        return snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();
    }

    private static JsonObject Single(List<JsonObject> resources, string type) =>
        Assert.Single(resources, r => (string?)r["type"] == type);

    /// <summary>The expression ARM evaluates at deployment for a runtime property of a resource in this template.</summary>
    private static string Reference(JsonObject resource, string property) =>
        $"[reference('{(string)resource["id"]!}', '{(string)resource["apiVersion"]!}').{property}]";
}
