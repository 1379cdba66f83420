using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Invoicing.Storage;

namespace Invoicing.InfrastructureTests;

/// <summary>
/// What a restore depends on in Azure (docs/operations.md, "Backup and restore"), read from the compiled template:
/// the blob service keeps versions, deleted blobs and containers, a change feed and point-in-time restore; every table
/// and container the app uses is declared; the nightly backups are immutable.
/// </summary>
public sealed partial class BackupPolicyTests
{
    private const string StorageAccount = "Microsoft.Storage/storageAccounts";

    [Fact]
    public async Task The_blob_service_keeps_versions_deleted_blobs_and_containers_a_change_feed_and_point_in_time_restore()
    {
        var blobService = Assert.Single(ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, $"{StorageAccount}/blobServices"));
        var properties = blobService.Properties!;

        Assert.True(ArmTemplate.IsTrue(properties["isVersioningEnabled"]), "blob versioning is off");
        Assert.True(ArmTemplate.IsTrue(properties["deleteRetentionPolicy"]?["enabled"]), "blob soft delete is off");
        Assert.True(ArmTemplate.IsTrue(properties["containerDeleteRetentionPolicy"]?["enabled"]), "container soft delete is off");
        Assert.True(ArmTemplate.IsTrue(properties["changeFeed"]?["enabled"]), "the change feed is off");
        Assert.Equal("[parameters('blobSoftDeleteDays')]", ArmTemplate.AsString(properties["deleteRetentionPolicy"]?["days"]));

        // On whenever soft delete keeps more than one day, for one day less than soft delete (the service's rule).
        var restore = ArmTemplate.AsString(properties["restorePolicy"]) ?? "";
        Assert.Contains("greaterOrEquals(variables('pointInTimeRestoreDays'), 1)", restore, StringComparison.Ordinal);
        Assert.Contains("createObject('enabled', true(), 'days', max(variables('pointInTimeRestoreDays'), 1))", restore, StringComparison.Ordinal);
        Assert.Equal("[sub(parameters('blobSoftDeleteDays'), 1)]", ArmTemplate.AsString(blobService.Template["variables"]?["pointInTimeRestoreDays"]));
        var main = await CompiledInfrastructure.MainTemplate;
        Assert.True(main["parameters"]!["blobSoftDeleteDays"]!["defaultValue"]!.GetValue<int>() > 1, "with one day of soft delete point-in-time restore is off");
    }

    [Fact]
    public async Task Every_table_the_app_uses_is_declared_and_no_other()
    {
        var tables = Assert.Single(ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, $"{StorageAccount}/tableServices/tables"));
        var declared = ArmTemplate.Strings(tables.Template["variables"]?["tableNames"]).ToArray();

        Assert.Equal(InvoicingStorage.TableNames.Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_container_the_app_uses_and_the_backups_container_is_declared()
    {
        var containers = ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, $"{StorageAccount}/blobServices/containers").ToList();
        var declared = containers
            .SelectMany(c => QuotedLiteralPattern().Matches(c.Name).Select(m => m.Groups[1].Value)
                .Concat(ArmTemplate.Strings(c.Template["variables"]?["plainContainerNames"])))
            .ToHashSet(StringComparer.Ordinal);

        var missing = InvoicingStorage.ContainerNames.Append(StorageNames.BackupsContainer).Where(name => !declared.Contains(name)).ToArray();

        Assert.True(missing.Length == 0, "infra/modules/storage.bicep declares no container " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_nightly_backups_are_immutable_for_their_own_retention()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var policy = Assert.Single(ArmTemplate.OfType(template, $"{StorageAccount}/blobServices/containers/immutabilityPolicies"),
            p => p.Name.Contains($"'{StorageNames.BackupsContainer}'", StringComparison.Ordinal));

        Assert.Equal("[parameters('backupRetentionDays')]", ArmTemplate.AsString(policy.Properties?["immutabilityPeriodSinceCreationInDays"]));
        Assert.True(ArmTemplate.IsFalse(policy.Properties?["allowProtectedAppendWrites"]));
        Assert.Equal(90, template["parameters"]!["backupRetentionDays"]!["defaultValue"]!.GetValue<int>());
    }

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex QuotedLiteralPattern();
}
