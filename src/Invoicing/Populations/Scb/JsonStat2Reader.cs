using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Invoicing.Populations.Scb;

/// <summary>
/// Reads SCB's PxWebApi v2 JSON-stat2 answer for population per municipality. Values are row-major over
/// <c>id</c>/<c>size</c> (last dimension fastest); positions come from each dimension's <c>category.index</c>
/// (an object code → position, or an array), never from key order. Accepts SCB's body as is, or wrapped as
/// <c>{url, selection, response}</c> by a tool that saved it (the request then comes from the wrapper).
/// </summary>
public static class JsonStat2Reader
{
    /// <param name="source">The file name or URL, for messages.</param>
    /// <param name="request">The request that produced the body, when the caller made it.</param>
    /// <param name="year">The year to take when the answer holds several.</param>
    public static ScbPopulation Read(byte[] json, string source, string? request, int? year)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ScbDataException($"{source}: not complete JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}); a cut-off response is refused, nothing was recorded.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("class", out _)
                && root.TryGetProperty("response", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
            {
                request ??= WrapperRequest(root);
                root = wrapped;
            }

            return ReadDataset(root, source, request ?? $"file {source}", year);
        }
    }

    private static ScbPopulation ReadDataset(JsonElement dataset, string source, string request, int? year)
    {
        if (dataset.ValueKind != JsonValueKind.Object || !dataset.TryGetProperty("id", out var ids) || !dataset.TryGetProperty("size", out var sizes)
            || !dataset.TryGetProperty("dimension", out var dimensions) || !dataset.TryGetProperty("value", out var values))
        {
            throw new ScbDataException($"{source}: not a JSON-stat2 dataset (it needs id, size, dimension and value).");
        }

        var tableId = dataset.TryGetProperty("extension", out var extension) && extension.TryGetProperty("px", out var px)
            && px.TryGetProperty("tableid", out var t) ? t.GetString() : null;
        var table = ScbTable.Find(tableId ?? "")
            ?? throw new ScbDataException($"{source}: table '{tableId ?? "(none)"}' is not SCB's population per municipality (TAB638 up to 2024, TAB5557 from 2025).");
        var updated = dataset.TryGetProperty("updated", out var u) && DateTimeOffset.TryParse(u.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : (DateTimeOffset?)null;

        var names = ids.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        var size = sizes.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        if (names.Length != size.Length)
        {
            throw new ScbDataException($"{source}: id has {names.Length} dimensions but size {size.Length}.");
        }

        var index = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!dimensions.TryGetProperty(name, out var dimension) || !dimension.TryGetProperty("category", out var category))
            {
                throw new ScbDataException($"{source}: dimension '{name}' has no category.");
            }

            index[name] = Positions(category, name, source);
            labels[name] = category.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.Object
                ? l.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? p.Name, StringComparer.Ordinal)
                : [];
        }

        var expected = new HashSet<string>(["Region", "ContentsCode", "Tid", .. table.Cells.Keys], StringComparer.Ordinal);
        foreach (var name in names.Where(n => !expected.Contains(n)))
        {
            throw new ScbDataException($"{source}: dimension '{name}' is not one of {table.Id}'s ({string.Join(", ", expected.Order(StringComparer.Ordinal))}).");
        }

        foreach (var name in expected.Where(n => !index.ContainsKey(n)))
        {
            throw new ScbDataException($"{source}: dimension '{name}' is missing.");
        }

        var contents = index["ContentsCode"].Keys.ToArray();
        if (contents.Length != 1 || contents[0] != table.ContentCode)
        {
            throw new ScbDataException($"{source}: content code {string.Join(", ", contents)} is not {table.Id}'s population ({table.ContentCode}).");
        }

        var years = index["Tid"].Keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : -1).ToArray();
        var chosen = year ?? (years.Length == 1 ? years[0] : throw new ScbDataException(
            $"{source}: holds the years {string.Join(", ", years)}; say which one to import with --year."));
        if (!years.Contains(chosen))
        {
            throw new ScbDataException($"{source}: has no figures for {chosen} (it holds {string.Join(", ", years)}).");
        }

        if (ScbTable.ForYear(chosen) != table)
        {
            throw new ScbDataException($"{source}: {table.Id} is not the table for {chosen}; SCB's population for {chosen} is in {ScbTable.ForYear(chosen).Id}.");
        }

        var cellCodes = new List<(string Dimension, IReadOnlyList<string> Codes)>();
        foreach (var (dimension, codes) in table.Cells)
        {
            var missing = codes.Where(c => !index[dimension].ContainsKey(c)).ToArray();
            if (missing.Length > 0)
            {
                throw new ScbDataException(table == ScbTable.Tab5557
                    ? $"{source}: dimension {dimension} has no total cell {string.Join(", ", missing)}. From 2025 SCB adds noise to every cell, so parts are never summed: request {dimension}={string.Join(",", codes)}."
                    : $"{source}: dimension {dimension} lacks {string.Join(", ", missing)}; {table.Id} has no total, so every one of {string.Join(", ", codes)} is needed for the sum.");
            }

            cellCodes.Add((dimension, codes));
        }

        foreach (var region in index["Region"].Keys.Where(r => !Municipalities.IsMunicipality(r)))
        {
            var label = labels["Region"].GetValueOrDefault(region, region);
            throw new ScbDataException($"{source}: region {region} ({label}) is not a municipality; import municipalities only.");
        }

        var total = size.Aggregate(1L, (product, s) => product * s);
        var cells = new CellValues(values, total, source);
        var strides = new long[size.Length];
        for (var k = size.Length - 1; k >= 0; k--)
        {
            strides[k] = k == size.Length - 1 ? 1 : strides[k + 1] * size[k + 1];
        }

        long Offset(IReadOnlyDictionary<string, string> codes) =>
            names.Select((name, k) => index[name][codes[name]] * strides[k]).Sum();

        var byMunicipality = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var region in index["Region"].Keys)
        {
            long population = 0;
            foreach (var combination in Combinations(cellCodes))
            {
                combination["Region"] = region;
                combination["ContentsCode"] = table.ContentCode;
                combination["Tid"] = chosen.ToString(CultureInfo.InvariantCulture);
                population = checked(population + cells.Get(Offset(combination), $"region {region} ({labels["Region"].GetValueOrDefault(region, region)}), {Describe(combination)}"));
            }

            byMunicipality[region] = population;
        }

        return new ScbPopulation(table, chosen, updated, request, byMunicipality);
    }

    private static Dictionary<string, int> Positions(JsonElement category, string dimension, string source)
    {
        if (!category.TryGetProperty("index", out var index))
        {
            // JSON-stat allows a single-category dimension without an index.
            return category.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.Object && label.EnumerateObject().Count() == 1
                ? new Dictionary<string, int>(StringComparer.Ordinal) { [label.EnumerateObject().First().Name] = 0 }
                : throw new ScbDataException($"{source}: dimension '{dimension}' has no category index.");
        }

        return index.ValueKind switch
        {
            JsonValueKind.Object => index.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal),
            JsonValueKind.Array => index.EnumerateArray().Select((e, i) => (Code: e.GetString() ?? "", i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal),
            _ => throw new ScbDataException($"{source}: dimension '{dimension}' has an index that is neither an object nor an array."),
        };
    }

    private static IEnumerable<Dictionary<string, string>> Combinations(List<(string Dimension, IReadOnlyList<string> Codes)> dimensions)
    {
        IEnumerable<Dictionary<string, string>> result = [new Dictionary<string, string>(StringComparer.Ordinal)];
        foreach (var (dimension, codes) in dimensions)
        {
            result = result.SelectMany(partial => codes.Select(code => new Dictionary<string, string>(partial, StringComparer.Ordinal) { [dimension] = code })).ToArray();
        }

        return result;
    }

    private static string Describe(Dictionary<string, string> codes) =>
        string.Join(", ", codes.Where(c => c.Key is not "Region").OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>The wrapper's request as it was sent: method, URL and the selection as a JSON body (variables in code order).</summary>
    private static string WrapperRequest(JsonElement wrapper)
    {
        var url = wrapper.TryGetProperty("url", out var u) ? u.GetString() : null;
        var request = new StringBuilder("POST ").Append(url ?? "(url not saved)");
        if (wrapper.TryGetProperty("selection", out var selection) && selection.ValueKind == JsonValueKind.Object)
        {
            request.Append(' ').Append(ScbRequest.Body(selection.EnumerateObject()
                .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)p.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray())));
        }

        return request.ToString();
    }

    /// <summary>The value array (or sparse object keyed by offset), checked to be whole and complete.</summary>
    private sealed class CellValues
    {
        private readonly JsonElement _values;
        private readonly string _source;

        public CellValues(JsonElement values, long expected, string source)
        {
            _values = values;
            _source = source;
            if (values.ValueKind == JsonValueKind.Array && values.GetArrayLength() != expected)
            {
                throw new ScbDataException($"{source}: holds {values.GetArrayLength()} values but its dimensions make {expected}: the response is cut off or not SCB's; nothing was recorded.");
            }

            if (values.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
            {
                throw new ScbDataException($"{source}: value is neither an array nor an object.");
            }
        }

        public long Get(long offset, string where)
        {
            JsonElement cell;
            if (_values.ValueKind == JsonValueKind.Array)
            {
                cell = _values[(int)offset];
            }
            else if (!_values.TryGetProperty(offset.ToString(CultureInfo.InvariantCulture), out cell))
            {
                throw new ScbDataException($"{_source}: no value for {where} (offset {offset}); the response is incomplete.");
            }

            if (cell.ValueKind != JsonValueKind.Number || !cell.TryGetInt64(out var value) || value < 0)
            {
                throw new ScbDataException($"{_source}: the value for {where} is {cell.GetRawText()}; a population must be a whole number of 0 or more.");
            }

            return value;
        }
    }
}
