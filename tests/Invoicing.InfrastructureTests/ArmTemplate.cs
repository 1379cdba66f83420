using System.Text.Json;
using System.Text.Json.Nodes;

namespace Invoicing.InfrastructureTests;

/// <summary>One resource of a compiled ARM template, with the (nested) template that declares it.</summary>
internal sealed record ArmResource(JsonObject Node, JsonObject Template)
{
    public string Type => Node["type"]!.GetValue<string>();

    public string Name => Node["name"]?.GetValue<string>() ?? "";

    public JsonObject? Properties => Node["properties"] as JsonObject;

    /// <summary>A reference to a resource that exists already (Bicep <c>existing</c>); not deployed.</summary>
    public bool IsExisting => Node["existing"]?.GetValueKind() == JsonValueKind.True;

    public override string ToString() => $"{Type} {Name}";
}

/// <summary>Reading compiled ARM JSON (language versions 1.0 and 2.0), including modules' nested templates.</summary>
internal static class ArmTemplate
{
    public const string DeploymentType = "Microsoft.Resources/deployments";

    public static JsonObject Parse(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("The template is not a JSON object.");

    /// <summary>Every deployed resource of the template and of every nested template, depth first.</summary>
    public static IEnumerable<ArmResource> Resources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject byName => byName.Select(pair => pair.Value).OfType<JsonObject>(), // languageVersion 2.0
            _ => [],
        };

        foreach (var node in resources)
        {
            var resource = new ArmResource(node, template);
            if (resource.IsExisting)
            {
                continue;
            }

            yield return resource;
            if (resource.Type.Equals(DeploymentType, StringComparison.OrdinalIgnoreCase)
                && resource.Properties?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The template and every nested template.</summary>
    public static IEnumerable<JsonObject> Templates(JsonObject template)
    {
        yield return template;
        foreach (var deployment in Resources(template).Where(r => r.Type.Equals(DeploymentType, StringComparison.OrdinalIgnoreCase)))
        {
            if (deployment.Properties?["template"] is JsonObject nested)
            {
                yield return nested;
            }
        }
    }

    public static IEnumerable<ArmResource> OfType(JsonObject template, string type) =>
        Resources(template).Where(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every string anywhere in the node: values and property names.</summary>
    public static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    yield return name;
                    foreach (var s in Strings(value))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray array:
                foreach (var s in array.SelectMany(Strings))
                {
                    yield return s;
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return value.GetValue<string>();
                break;
        }
    }

    public static bool IsFalse(JsonNode? node) => node?.GetValueKind() == JsonValueKind.False;

    public static bool IsTrue(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    public static string? AsString(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}
