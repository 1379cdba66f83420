using YamlDotNet.RepresentationModel;

namespace Invoicing.InfrastructureTests;

/// <summary>Reading YAML files of the repository with YamlDotNet's representation model.</summary>
internal static class Yaml
{
    /// <summary>Parses the file (a syntax error throws) and returns its single document's root mapping.</summary>
    public static YamlMappingNode LoadMapping(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        var document = Assert.Single(stream.Documents);
        return Assert.IsType<YamlMappingNode>(document.RootNode);
    }

    public static YamlNode? Get(this YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(this YamlMappingNode mapping, string key) => (mapping.Get(key) as YamlScalarNode)?.Value;

    public static YamlMappingNode Mapping(this YamlMappingNode mapping, string key) =>
        Assert.IsType<YamlMappingNode>(mapping.Get(key));

    public static YamlSequenceNode Sequence(this YamlMappingNode mapping, string key) =>
        Assert.IsType<YamlSequenceNode>(mapping.Get(key));

    /// <summary>Every scalar value in the subtree (keys excluded).</summary>
    public static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value is { } value ? [value] : [],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Scalars),
        _ => [],
    };

    /// <summary>Every mapping in the subtree, the node itself included.</summary>
    public static IEnumerable<YamlMappingNode> Mappings(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Mappings).Prepend(mapping),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Mappings),
        _ => [],
    };
}
