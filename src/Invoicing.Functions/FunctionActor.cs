using Invoicing.Audit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Invoicing.Functions;

/// <summary>
/// Names the audit trail's actor of every invocation: the function and its invocation id, by trigger (a timer, a
/// blob). An HTTP function's caller is named again once authenticated (<see cref="Web.EndpointAccess"/>).
/// </summary>
public sealed class FunctionActor : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        using var actor = Actor.Acting(Of(context.FunctionDefinition.Name, context.InvocationId, context.FunctionDefinition.InputBindings.Values.Select(b => b.Type)));
        await next(context);
    }

    public static Actor Of(string functionName, string invocationId, IEnumerable<string> bindingTypes)
    {
        var types = bindingTypes.ToArray();
        var channel = types.Contains("timerTrigger", StringComparer.OrdinalIgnoreCase) ? ActorChannel.Timer
            : types.Contains("blobTrigger", StringComparer.OrdinalIgnoreCase) ? ActorChannel.Blob
            : ActorChannel.Api;
        return Actor.Function(channel, functionName, invocationId);
    }
}
