using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Connector.Tests.Infrastructure;

/// <summary>Counts the request body bytes the app actually reads (wraps Request.Body ahead of the endpoint).</summary>
public sealed class RequestBodyMeter : IStartupFilter
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public static void Register(IServiceCollection services, RequestBodyMeter meter) => services.AddSingleton<IStartupFilter>(meter);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            context.Request.Body = new CountingStream(context.Request.Body, this);
            await inner(context);
        });
        next(app);
    };

    private sealed class CountingStream(Stream inner, RequestBodyMeter meter) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            Interlocked.Add(ref meter._read, n);
            return n;
        }
    }
}
