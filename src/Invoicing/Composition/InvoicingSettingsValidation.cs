using Invoicing.Issuers;
using Invoicing.Storage;
using Microsoft.Extensions.Options;

namespace Invoicing.Composition;

/// <summary>
/// The settings every host needs before it does anything: where the storage is, who issues each scheme's
/// documents (complete, with bankgiro and organisation number passing their check digits), and finance's address for
/// the daily digest (when set, an address). Registered with
/// <c>ValidateOnStart</c>, so a Functions app with a bad bankgiro stops at start with one line naming the setting
/// instead of failing at the first timer hours later. Each rule is the one the product applies when it issues
/// (<see cref="Issuer.FromOptions"/>, <see cref="IssuerDirectory"/>); nothing here is a second copy of it.
/// </summary>
internal static class InvoicingSettingsValidation
{
    public sealed class Storage : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
            !options.UsesCredential || (options.TableServiceUri is not null && options.BlobServiceUri is not null)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(StorageOptions.Incomplete);
    }

    public sealed class DefaultIssuer : IValidateOptions<IssuerOptions>
    {
        public ValidateOptionsResult Validate(string? name, IssuerOptions options) => Problems(() => Issuer.FromOptions(options));
    }

    /// <summary>Each scheme's own issuer, which must also not take another organisation's number series.</summary>
    public sealed class SchemeIssuers(IOptions<IssuerOptions> defaultIssuer) : IValidateOptions<List<SchemeOptions>>
    {
        public ValidateOptionsResult Validate(string? name, List<SchemeOptions> options) =>
            Problems(() => new IssuerDirectory(defaultIssuer, Options.Create(options)).AllOwnIssuers());
    }

    /// <summary>Finance's address for the daily digest, when one is set.</summary>
    public sealed class FinanceDigest : IValidateOptions<Digests.FinanceDigestOptions>
    {
        public ValidateOptionsResult Validate(string? name, Digests.FinanceDigestOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult Problems(Action validate)
    {
        try
        {
            validate();
            return ValidateOptionsResult.Success;
        }
        catch (IssuerConfigurationException e)
        {
            return ValidateOptionsResult.Fail(e.Problems);
        }
    }
}

/// <summary>The one line a host prints when it refuses its settings, whichever host it is (Functions worker, CLI).</summary>
public static class SettingsRefusal
{
    /// <summary>The settings' problems as one line when <paramref name="e"/> is a refusal of settings; otherwise null.</summary>
    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException options => OneLine(options.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.All(i => i is OptionsValidationException) =>
            OneLine(aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)),
        _ => null,
    };

    private static string OneLine(IEnumerable<string> failures) =>
        string.Join("; ", failures.Select(f => string.Join(' ', f.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
}
