using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Invoicing.Tests.Architecture;

/// <summary>
/// Which of the product's types uses which, read from the built assembly (signatures, attributes and method bodies),
/// so that a reference through a fully qualified name or from a namespace that shares a prefix counts as much as one
/// after a <c>using</c>. Compiler-generated types (closures, async state machines, lambdas) count for the type that
/// declares them. Constants are inlined by the compiler and leave no reference: an edge through a <c>const</c> alone
/// is not seen (nor by any other IL-based tool).
/// </summary>
internal sealed class TypeGraph
{
    private TypeGraph(IReadOnlyDictionary<string, string> namespaceOf, IReadOnlyDictionary<string, IReadOnlySet<string>> uses)
    {
        NamespaceOf = namespaceOf;
        Uses = uses;
    }

    /// <summary>Each top-level type's full name and its namespace.</summary>
    public IReadOnlyDictionary<string, string> NamespaceOf { get; }

    /// <summary>Each top-level type and the other top-level types of the same assembly it uses.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Uses { get; }

    public static TypeGraph Of(System.Reflection.Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var namespaceOf = module.Types
            .Where(type => type.Name != "<Module>" && !IsCompilerGenerated(type))
            .ToDictionary(type => type.FullName, type => type.Namespace, StringComparer.Ordinal);
        var uses = namespaceOf.Keys.ToDictionary(name => name, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var owner = TopLevelName(type);
            if (!uses.TryGetValue(owner, out var used))
            {
                continue; // <Module>, or a compiler-generated top-level type (<PrivateImplementationDetails>)
            }

            foreach (var reference in References(type))
            {
                var target = TopLevelName(reference);
                if (target != owner && namespaceOf.ContainsKey(target))
                {
                    used.Add(target);
                }
            }
        }

        return new TypeGraph(namespaceOf, uses.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// The namespace graph: for each namespace, the other namespaces its types use, with the type pairs that make each
    /// edge (so a failure can name them). <paramref name="nodeOf"/> maps a namespace to its node (a room, say).
    /// </summary>
    public SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> Between(Func<string, string> nodeOf)
    {
        var graph = new SortedDictionary<string, SortedDictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var (type, used) in Uses)
        {
            var from = nodeOf(NamespaceOf[type]);
            if (!graph.TryGetValue(from, out var edges))
            {
                graph[from] = edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            }

            foreach (var target in used)
            {
                var to = nodeOf(NamespaceOf[target]);
                if (to == from)
                {
                    continue;
                }

                if (!edges.TryGetValue(to, out var pairs))
                {
                    edges[to] = pairs = new SortedSet<string>(StringComparer.Ordinal);
                }

                pairs.Add($"{type} -> {target}");
            }
        }

        return graph;
    }

    /// <summary>The strongly connected components with more than one node (Tarjan): each is a cycle or several.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Keys : Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next) && index.TryGetValue(next, out var nextIndex))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    components.Add(component);
                }
            }
        }

        foreach (var node in graph.Keys)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }

    private static bool IsCompilerGenerated(TypeDefinition type) => type.Name.StartsWith('<');

    private static string TopLevelName(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.FullName;
    }

    private static List<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case TypeSpecification specification: // arrays, by-reference, pointers, modifiers
                    Add(specification.ElementType);
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    Add(argument.Type);
                    Add(argument.Value as TypeReference);
                }
            }
        }

        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType);
        }

        foreach (var parameter in type.GenericParameters)
        {
            foreach (var constraint in parameter.Constraints)
            {
                Add(constraint.ConstraintType);
            }
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }

        foreach (var @event in type.Events)
        {
            Add(@event.EventType);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method);
            foreach (var parameter in method.GenericParameters)
            {
                foreach (var constraint in parameter.Constraints)
                {
                    Add(constraint.ConstraintType);
                }
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }

            foreach (var handler in method.Body.ExceptionHandlers)
            {
                Add(handler.CatchType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference operand:
                        Add(operand);
                        break;
                    case MethodReference operand:
                        AddMethod(operand);
                        break;
                    case FieldReference operand:
                        Add(operand.DeclaringType);
                        Add(operand.FieldType);
                        break;
                }
            }
        }

        return found;
    }
}
