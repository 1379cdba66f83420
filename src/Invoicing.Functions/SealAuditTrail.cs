using Invoicing.Audit;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>
/// The nightly seal (schedule: app setting <c>AuditSealSchedule</c>): every past day's audit events into a blob of
/// <c>audit-seals</c> that is never replaced, so a table rewritten afterwards no longer agrees with them.
/// </summary>
public sealed class SealAuditTrail(AuditTrail audit)
{
    [Function(nameof(SealAuditTrail))]
    public async Task RunAsync([TimerTrigger("%AuditSealSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await audit.SealAsync(cancellationToken);
}
