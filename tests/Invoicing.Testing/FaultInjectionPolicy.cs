using Azure.Core;
using Azure.Core.Pipeline;

namespace Invoicing.Testing;

/// <summary>
/// Makes one chosen storage request fail, as a crash would: before it is sent (it never happens) or after
/// its response arrives (it happened, but the caller never learns so). Sits in the Azure SDK pipeline per
/// call, outside its retries, so the fault reaches the product code exactly once.
/// </summary>
public sealed class FaultInjectionPolicy : HttpPipelinePolicy
{
    private readonly Lock _lock = new();
    private Func<Request, bool>? _matches;
    private int _skip;
    private FaultTiming _timing;
    private Action? _beforeThrow;

    /// <summary>Arms the fault for the (<paramref name="skip"/>+1)-th request that matches.</summary>
    public void Arm(Func<Request, bool> matches, FaultTiming timing, int skip = 0, Action? beforeThrow = null)
    {
        lock (_lock)
        {
            (_matches, _timing, _skip, _beforeThrow) = (matches, timing, skip, beforeThrow);
            Fired = false;
        }
    }

    public bool Fired { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var fire = ShouldFire(message.Request);
        if (fire == FaultTiming.BeforeSending)
        {
            Throw(message.Request);
        }

        await ProcessNextAsync(message, pipeline);
        if (fire == FaultTiming.AfterResponse)
        {
            Throw(message.Request);
        }
    }

    private FaultTiming? ShouldFire(Request request)
    {
        lock (_lock)
        {
            if (Fired || _matches is null || !_matches(request))
            {
                return null;
            }

            if (_skip-- > 0)
            {
                return null;
            }

            Fired = true;
            return _timing;
        }
    }

    private void Throw(Request request)
    {
        _beforeThrow?.Invoke();
        throw new InjectedFaultException($"Injected fault ({_timing}) on {request.Method} {request.Uri.Path}");
    }
}

public enum FaultTiming
{
    BeforeSending,
    AfterResponse,
}

public sealed class InjectedFaultException(string message) : Exception(message);
