using System.Collections.Concurrent;
using System.Net;
using GovBot.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GovBot.Tests.Observability;

public class OtlpExportTests
{
    [Fact]
    public async Task OtlpEndpoint_ExportsSpans_WithoutIdsFromOutboundUrls()
    {
        // A loopback OTLP/HTTP receiver that records what it is sent.
        var received = new ConcurrentBag<(string Path, byte[] Body)>();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = receiverBuilder.Build();
        receiver.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            received.Add((context.Request.Path, buffer.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync();
        var receiverUrl = receiver.Urls.Single();

        // A target for an outbound call whose path carries a conversation id, as connector calls do. A bare TCP
        // responder, not ASP.NET Core: server-side instrumentation is process-wide and would record its own path.
        using var target = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        target.Start();
        var targetUrl = $"http://127.0.0.1:{((IPEndPoint)target.LocalEndpoint).Port}";
        var serve = Task.Run(async () =>
        {
            using var client = await target.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var request = "";
            while (!request.Contains("\r\n\r\n{}", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0) break;
                request += System.Text.Encoding.ASCII.GetString(buffer, 0, read);
            }
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        });

        var builder = WebApplication.CreateBuilder();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiverUrl;
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "";
        builder.Services.AddHttpClient();
        builder.AddGovBotTelemetry();
        await using var app = builder.Build();
        await app.StartAsync();
        Assert.True(GovBotTelemetry.UsesOtlp(app.Configuration));

        using (var span = GovBotTelemetry.ActivitySource.StartActivity("govbot.test-span"))
        {
            var http = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
            using var response = await http.PostAsync($"{targetUrl}/v3/conversations/a%3Asecret-conversation-42/activities", new StringContent("{}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await serve;
        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));

        var traces = received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        var payload = System.Text.Encoding.UTF8.GetString(traces.SelectMany(t => t.Body).ToArray());
        Assert.Contains("govbot.test-span", payload);
        Assert.DoesNotContain("secret-conversation-42", payload);
        await app.StopAsync();
    }
}
