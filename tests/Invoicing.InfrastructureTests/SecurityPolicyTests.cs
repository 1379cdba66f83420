using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Invoicing.InfrastructureTests;

/// <summary>Offline policy checks on the ARM JSON compiled from infra/main.bicep (modules nested).</summary>
public sealed partial class SecurityPolicyTests
{
    private const string StorageAccount = "Microsoft.Storage/storageAccounts";
    private const string KeyVault = "Microsoft.KeyVault/vaults";
    private const string AppInsights = "Microsoft.Insights/components";
    private const string RoleAssignment = "Microsoft.Authorization/roleAssignments";

    /// <summary>Every role the templates may grant, and the one kind of resource each may be scoped to.</summary>
    private static readonly Dictionary<string, (string Role, string Scope)> s_allowedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = ("Storage Blob Data Owner", StorageAccount),
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = ("Storage Table Data Contributor", StorageAccount),
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = ("Storage Queue Data Contributor", StorageAccount),
        ["4633458b-17de-408a-b874-0445c86b69e6"] = ("Key Vault Secrets User", KeyVault),
        ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = ("Key Vault Secrets Officer", KeyVault),
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = ("Monitoring Metrics Publisher", AppInsights),
    };

    [Fact]
    public async Task No_storage_key_connection_string_or_list_function_appears_anywhere()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var strings = ArmTemplate.Strings(template).ToList();

        foreach (var text in strings)
        {
            Assert.DoesNotMatch(ForbiddenSecretPattern(), text);
        }

        Assert.NotEmpty(strings);
    }

    [Theory]
    [InlineData("[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2024-01-01').keys[0].value]", true)]
    [InlineData("[listAccountSas(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2024-01-01', createObject()).accountSasToken]", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc==;EndpointSuffix=core.windows.net", true)]
    [InlineData("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=abc", true)]
    [InlineData("[reference(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2024-01-01').primaryEndpoints.blob]", false)]
    [InlineData("managedidentity", false)]
    public void The_secret_detector_recognises_keys_and_connection_strings(string text, bool forbidden)
    {
        Assert.Equal(forbidden, ForbiddenSecretPattern().IsMatch(text));
    }

    [Fact]
    public async Task No_template_takes_a_secure_parameter_or_creates_a_secret()
    {
        var template = await CompiledInfrastructure.MainTemplate;

        foreach (var nested in ArmTemplate.Templates(template))
        {
            foreach (var (name, parameter) in nested["parameters"]?.AsObject() ?? [])
            {
                var type = ArmTemplate.AsString(parameter?["type"]) ?? "";
                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"parameter {name} is {type}");
            }
        }

        Assert.Empty(ArmTemplate.OfType(template, "Microsoft.KeyVault/vaults/secrets"));
    }

    [Fact]
    public async Task Storage_account_accepts_only_entra_id_over_tls_1_2_and_no_public_blobs()
    {
        var accounts = ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, StorageAccount).ToList();

        var account = Assert.Single(accounts);
        var properties = account.Properties!;
        Assert.True(ArmTemplate.IsFalse(properties["allowSharedKeyAccess"]), "allowSharedKeyAccess must be false");
        Assert.Equal("TLS1_2", ArmTemplate.AsString(properties["minimumTlsVersion"]));
        Assert.True(ArmTemplate.IsFalse(properties["allowBlobPublicAccess"]), "allowBlobPublicAccess must be false");
        Assert.True(ArmTemplate.IsTrue(properties["supportsHttpsTrafficOnly"]), "supportsHttpsTrafficOnly must be true");
    }

    [Fact]
    public async Task Blob_versioning_and_soft_delete_of_blobs_and_containers_are_on()
    {
        var service = Assert.Single(ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, $"{StorageAccount}/blobServices"));
        var properties = service.Properties!;

        Assert.True(ArmTemplate.IsTrue(properties["isVersioningEnabled"]));
        Assert.True(ArmTemplate.IsTrue(properties["deleteRetentionPolicy"]?["enabled"]));
        Assert.True(ArmTemplate.IsTrue(properties["containerDeleteRetentionPolicy"]?["enabled"]));
    }

    [Fact]
    public async Task Every_container_is_private_and_the_documents_and_bank_file_containers_exist()
    {
        var containers = ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, $"{StorageAccount}/blobServices/containers").ToList();

        // A container's name is a literal in its name expression, or an element of the array variable its loop runs over.
        var declared = containers
            .SelectMany(c => QuotedLiteralPattern().Matches(c.Name).Select(m => m.Groups[1].Value)
                .Concat(ArmTemplate.Strings(c.Template["variables"])))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            Assert.Equal("None", ArmTemplate.AsString(container.Properties?["publicAccess"]));
        }

        foreach (var name in new[] { "invoices", "einvoices", "einvoices-outbox", "reminders", "bank-files", "bank-files-processed", "bank-files-archive" })
        {
            Assert.Contains(name, declared);
        }
    }

    [Theory]
    [InlineData("invoices")]
    [InlineData("einvoices")]
    [InlineData("reminders")]
    [InlineData("bank-files-archive")]
    [InlineData("audit-seals")]
    public async Task Documents_container_has_a_time_based_immutability_policy(string container)
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var policies = ArmTemplate.OfType(template, $"{StorageAccount}/blobServices/containers/immutabilityPolicies")
            .Where(p => p.Name.Contains($"'{container}'", StringComparison.Ordinal))
            .ToList();

        var policy = Assert.Single(policies);
        Assert.Equal("[parameters('immutabilityRetentionDays')]", ArmTemplate.AsString(policy.Properties?["immutabilityPeriodSinceCreationInDays"]));

        // Eight years by default: seven after the financial year (bokföringslagen) plus the current one.
        var retention = template["parameters"]!["immutabilityRetentionDays"]!;
        Assert.Equal(2922, retention["defaultValue"]!.GetValue<int>());
        Assert.Equal(Composition.SystemDocumentation.RetentionDays, retention["defaultValue"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_role_assignment_is_named_by_guid_and_scoped_to_the_resource_its_role_is_for()
    {
        var assignments = ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, RoleAssignment).ToList();

        Assert.True(assignments.Count >= 5, $"expected the identity's storage, Key Vault and telemetry roles; found {assignments.Count}");
        foreach (var assignment in assignments)
        {
            Assert.Matches(GuidNamePattern(), assignment.Name);

            var roleId = ResolveRoleDefinitionId(assignment);
            Assert.True(s_allowedRoles.TryGetValue(roleId, out var allowed), $"{assignment}: role {roleId} is not one the policy allows");

            var scope = ArmTemplate.AsString(assignment.Node["scope"]);
            Assert.False(string.IsNullOrEmpty(scope), $"{assignment} ({allowed.Role}) has no scope: it would apply to the whole resource group");
            Assert.DoesNotContain("subscription()", scope, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("resourceGroup()", scope, StringComparison.OrdinalIgnoreCase);
            var scopeType = ResourceTypePattern().Match(scope).Value;
            Assert.True(scopeType.Equals(allowed.Scope, StringComparison.OrdinalIgnoreCase),
                $"{assignment} ({allowed.Role}) is scoped to '{scope}', not to a {allowed.Scope}");

            Assert.False(string.IsNullOrEmpty(ArmTemplate.AsString(assignment.Properties?["principalId"])));
        }

        // The app's identity gets every data role it needs.
        var granted = assignments.Select(ResolveRoleDefinitionId).Select(id => s_allowedRoles[id].Role).ToHashSet();
        foreach (var role in new[] { "Storage Blob Data Owner", "Storage Table Data Contributor", "Storage Queue Data Contributor", "Key Vault Secrets User" })
        {
            Assert.Contains(role, granted);
        }
    }

    [Fact]
    public async Task Key_vault_uses_rbac_with_soft_delete_and_purge_protection()
    {
        var vault = Assert.Single(ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, KeyVault));
        var properties = vault.Properties!;

        Assert.True(ArmTemplate.IsTrue(properties["enableRbacAuthorization"]), "enableRbacAuthorization must be true");
        Assert.True(ArmTemplate.IsTrue(properties["enableSoftDelete"]));
        Assert.True(ArmTemplate.IsTrue(properties["enablePurgeProtection"]));
        Assert.True(properties["accessPolicies"] is null or JsonArray { Count: 0 }, "no access policies in RBAC mode");
    }

    [GeneratedRegex(@"listKeys|\blist[A-Z][A-Za-z]*\(|AccountKey|SharedAccessKey|SharedAccessSignature|DefaultEndpointsProtocol|primaryKey|secondaryKey", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenSecretPattern();

    [GeneratedRegex(@"^\[guid\(")]
    private static partial Regex GuidNamePattern();

    [GeneratedRegex(@"Microsoft\.[A-Za-z]+/[A-Za-z]+")]
    private static partial Regex ResourceTypePattern();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex QuotedLiteralPattern();

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReferencePattern();

    /// <summary>The role definition's GUID, from a literal or a variable of the template that declares the assignment.</summary>
    private static string ResolveRoleDefinitionId(ArmResource assignment)
    {
        var expression = ArmTemplate.AsString(assignment.Properties?["roleDefinitionId"]) ?? "";
        var literal = GuidPattern().Match(expression);
        if (literal.Success)
        {
            return literal.Value;
        }

        var variable = VariableReferencePattern().Match(expression);
        Assert.True(variable.Success, $"{assignment}: cannot read the role definition id from '{expression}'");
        var value = ArmTemplate.AsString(assignment.Template["variables"]?[variable.Groups[1].Value]) ?? "";
        var resolved = GuidPattern().Match(value);
        Assert.True(resolved.Success, $"{assignment}: variable {variable.Groups[1].Value} = '{value}' is not a role definition GUID");
        return resolved.Value;
    }
}
