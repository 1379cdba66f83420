using Azure;
using Polly;
using Polly.Retry;

namespace Invoicing.Storage;

/// <summary>
/// Retrying a read-modify-write that lost an optimistic-concurrency race (412: the ETag moved; 409: a
/// concurrent insert won). The Azure SDK retries transient faults itself but never these: only the caller
/// can re-read and decide again, so the whole step is what is retried.
/// </summary>
internal static class OptimisticConcurrency
{
    public static ResiliencePipeline Retry(params int[] conflictStatuses) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestFailedException>(e => conflictStatuses.Contains(e.Status)),
            MaxRetryAttempts = 25,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(500),
        })
        .Build();
}
