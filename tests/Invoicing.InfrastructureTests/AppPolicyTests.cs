using System.Text.Json.Nodes;

namespace Invoicing.InfrastructureTests;

/// <summary>Offline checks of the function app, its authentication, telemetry and alerts in the compiled template.</summary>
public sealed class AppPolicyTests
{
    [Fact]
    public async Task Function_app_runs_dotnet_10_isolated_on_flex_consumption_as_the_user_assigned_identity()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var plan = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Web/serverfarms"));
        var site = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Web/sites"));

        Assert.Equal("FC1", ArmTemplate.AsString(plan.Node["sku"]?["name"]));
        Assert.Equal("FlexConsumption", ArmTemplate.AsString(plan.Node["sku"]?["tier"]));
        Assert.True(ArmTemplate.IsTrue(plan.Properties?["reserved"]), "a Linux plan is reserved");
        Assert.Equal("functionapp,linux", ArmTemplate.AsString(site.Node["kind"]));
        Assert.Equal("UserAssigned", ArmTemplate.AsString(site.Node["identity"]?["type"]));

        var properties = site.Properties!;
        Assert.True(ArmTemplate.IsTrue(properties["httpsOnly"]));
        Assert.False(string.IsNullOrEmpty(ArmTemplate.AsString(properties["keyVaultReferenceIdentity"])), "Key Vault references must resolve with the user-assigned identity");
        var config = properties["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", ArmTemplate.AsString(config["runtime"]?["name"]));
        Assert.Equal("10.0", ArmTemplate.AsString(config["runtime"]?["version"]));
        Assert.Equal("UserAssignedIdentity", ArmTemplate.AsString(config["deployment"]?["storage"]?["authentication"]?["type"]));
        Assert.Equal("1.2", ArmTemplate.AsString(properties["siteConfig"]?["minTlsVersion"]));
    }

    [Fact]
    public async Task App_settings_are_identity_based_and_complete()
    {
        var site = Assert.Single(ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, "Microsoft.Web/sites"));
        var settings = AppSettings(site.Template);

        string[] required =
        [
            "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri",
            "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
            "Invoicing__Storage__TableServiceUri", "Invoicing__Storage__BlobServiceUri", "Invoicing__Identity__ClientId",
            "Invoicing__Issuer__Id", "Invoicing__Issuer__Name", "Invoicing__Issuer__OrganisationNumber", "Invoicing__Issuer__Bankgiro",
            "Invoicing__Issuer__ContactName", "Invoicing__Issuer__ContactPhone", "Invoicing__Issuer__ContactEmail",
            "Invoicing__Issuer__PaymentTermsDays",
            "Invoicing__Smtp__Host", "Invoicing__Smtp__Port", "Invoicing__Smtp__UserName", "Invoicing__Smtp__Password", "Invoicing__Smtp__From",
            "AnnualInvoicingSchedule", "PaymentRemindersSchedule", "AuditSealSchedule", "Invoicing__FourEyes__Enabled", "StorageBackupSchedule",
        ];
        foreach (var name in required)
        {
            Assert.True(settings.ContainsKey(name), $"app setting {name} is missing");
        }

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage must not be a connection string");
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", settings["Invoicing__Smtp__Password"], StringComparison.Ordinal);
        Assert.Contains(ArmTemplate.Strings(site.Template["variables"]), s => s.Contains("Invoicing__Issuer__AddressLines__", StringComparison.Ordinal));

        // Per-scheme issuers (Invoicing__Schemes__{i}__Issuer__*, own party code included) and the default issuer's own party.
        var variables = ArmTemplate.Strings(site.Template["variables"]).ToArray();
        Assert.Contains(variables, s => s.Contains("Invoicing__Schemes__{0}__Issuer__Bankgiro", StringComparison.Ordinal));
        Assert.Contains(variables, s => s.Contains("Invoicing__Schemes__{0}__Issuer__PartyCode", StringComparison.Ordinal));
        Assert.Contains(variables, s => s.Contains("Invoicing__Issuer__PartyCode", StringComparison.Ordinal));

        // Settings the Flex Consumption plan rejects, or that would bring a key back.
        foreach (var forbidden in new[] { "FUNCTIONS_WORKER_RUNTIME", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "AzureWebJobsDashboard" })
        {
            Assert.False(settings.ContainsKey(forbidden), $"app setting {forbidden} must not be set");
        }
    }

    [Fact]
    public async Task The_app_names_its_managed_identity_in_one_setting_the_same_as_the_hosts_storage()
    {
        var site = Assert.Single(ArmTemplate.OfType(await CompiledInfrastructure.MainTemplate, "Microsoft.Web/sites"));
        var settings = AppSettings(site.Template);

        // The app's ManagedIdentityCredential is for the identity the Functions host's own storage uses.
        Assert.Equal(settings["AzureWebJobsStorage__clientId"], settings["Invoicing__Identity__ClientId"]);
        Assert.Contains("clientId", settings["Invoicing__Identity__ClientId"], StringComparison.OrdinalIgnoreCase);
        foreach (var second in new[] { "AZURE_CLIENT_ID", "Invoicing__Storage__ManagedIdentityClientId" })
        {
            Assert.False(settings.ContainsKey(second), $"app setting {second} would be a second place for the identity's client id");
        }
    }

    [Fact]
    public async Task Http_api_demands_an_entra_id_token_and_answers_401_without_one()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var auth = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Web/sites/config"), c => c.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));
        var properties = auth.Properties!;

        Assert.True(ArmTemplate.IsTrue(properties["platform"]?["enabled"]));
        Assert.True(ArmTemplate.IsTrue(properties["globalValidation"]?["requireAuthentication"]));
        Assert.Equal("Return401", ArmTemplate.AsString(properties["globalValidation"]?["unauthenticatedClientAction"]));
        var entra = properties["identityProviders"]?["azureActiveDirectory"];
        Assert.True(ArmTemplate.IsTrue(entra?["enabled"]));
        Assert.Equal("[parameters('authClientId')]", ArmTemplate.AsString(entra?["registration"]?["clientId"]));
        Assert.Null(entra?["registration"]?["clientSecretSettingName"]);
        Assert.True(ArmTemplate.IsTrue(properties["httpSettings"]?["requireHttps"]));
        Assert.Contains("authClientId", template["parameters"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Application_insights_is_workspace_based()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var component = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Insights/components"));

        Assert.Single(ArmTemplate.OfType(template, "Microsoft.OperationalInsights/workspaces"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", ArmTemplate.AsString(component.Properties?["WorkspaceResourceId"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_alerts_by_e_mail()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var rule = Assert.Single(Rules(template), r => Query(r).Contains("AppRequests", StringComparison.Ordinal));

        Assert.Contains("Success == false", Query(rule), StringComparison.Ordinal);
        Assert.Equal(["IssueAnnualInvoices", "SendPaymentReminders", "BackUpStorage"], DefaultStrings(template, "monitoredFunctions"));
        AssertNotifiesActionGroupWithEmail(template, rule);
    }

    [Fact]
    public async Task Four_eyes_on_voids_and_refunds_is_on_in_azure_unless_a_deployment_turns_it_off()
    {
        var template = await CompiledInfrastructure.MainTemplate;

        Assert.True(template["parameters"]!["fourEyes"]!["defaultValue"]!.GetValue<bool>());
        var site = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Web/sites"));
        Assert.Contains("fourEyes", AppSettings(site.Template)["Invoicing__FourEyes__Enabled"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_messages_stuck_as_failed_alert_by_e_mail()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var rule = Assert.Single(Rules(template), r => Query(r).Contains("outboxFailedEventName", StringComparison.Ordinal));

        Assert.Contains("outboxFailedEventName", Query(rule), StringComparison.Ordinal);
        Assert.Equal("OutboxMessageFailed", template["parameters"]!["outboxFailedEventName"]!["defaultValue"]!.GetValue<string>());
        AssertNotifiesActionGroupWithEmail(template, rule);
    }

    [Fact]
    public async Task An_app_that_refuses_to_start_alerts_by_e_mail_with_the_line_the_worker_prints()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var rule = Assert.Single(Rules(template), r => Query(r).Contains("refuses to start", StringComparison.Ordinal));

        // The line src/Invoicing.Functions/StartUp.cs prints; the Functions platform check sees the worker print it.
        var startUp = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Invoicing.Functions", "StartUp.cs"));
        Assert.Contains("\"Invoicing refuses to start: \"", startUp, StringComparison.Ordinal);
        Assert.Contains("AppTraces", Query(rule), StringComparison.Ordinal);
        Assert.Contains("\"Invoicing refuses to start\"", Query(rule), StringComparison.Ordinal);
        AssertNotifiesActionGroupWithEmail(template, rule);
    }

    private static IEnumerable<ArmResource> Rules(JsonObject template) =>
        ArmTemplate.OfType(template, "Microsoft.Insights/scheduledQueryRules");

    private static string Query(ArmResource rule) =>
        string.Join("\n", ArmTemplate.Strings(rule.Properties?["criteria"]));

    private static List<string> DefaultStrings(JsonObject template, string parameter) =>
        template["parameters"]![parameter]!["defaultValue"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    private static void AssertNotifiesActionGroupWithEmail(JsonObject template, ArmResource rule)
    {
        Assert.True(ArmTemplate.IsTrue(rule.Properties?["enabled"]));
        Assert.NotEmpty(rule.Properties?["actions"]?["actionGroups"]?.AsArray() ?? []);
        var group = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Insights/actionGroups"));
        var receiver = Assert.Single(group.Properties!["emailReceivers"]!.AsArray());
        Assert.Equal("[parameters('alertEmail')]", ArmTemplate.AsString(receiver?["emailAddress"]));
    }

    /// <summary>The app settings declared as name/value objects in the template's variables.</summary>
    private static Dictionary<string, string> AppSettings(JsonObject template)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj when ArmTemplate.AsString(obj["name"]) is { } name && ArmTemplate.AsString(obj["value"]) is { } value:
                    settings[name] = value;
                    break;
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        Collect(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Collect(child);
                    }

                    break;
            }
        }

        Collect(template["variables"]);
        return settings;
    }
}
