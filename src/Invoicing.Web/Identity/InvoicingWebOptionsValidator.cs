using Microsoft.Extensions.Options;

namespace Invoicing.Web.Identity;

/// <summary>Stops a host at start-up when its identity settings cannot work, naming every problem.</summary>
internal sealed class InvoicingWebOptionsValidator(WebIdentityMode mode) : IValidateOptions<InvoicingWebOptions>
{
    public ValidateOptionsResult Validate(string? name, InvoicingWebOptions options)
    {
        var problems = options.Problems(mode);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
