using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace Invoicing.Backup;

/// <summary>
/// One table row as one JSON line: its keys, its <c>Timestamp</c> (information only: the service sets it anew on
/// restore) and every property with its EDM type, so that a restored row has the same properties of the same types.
/// Values that JSON numbers would not carry exactly (Int64, Double) are written as invariant strings.
/// <code>{"PartitionKey":"…","RowKey":"…","Timestamp":"…","Properties":{"Amount":{"Type":"Int64","Value":"4303500"}}}</code>
/// </summary>
public static class BackupEntity
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The row's line (without the newline); properties in ordinal order, so the same row gives the same line.</summary>
    public static string ToJsonLine(TableEntity entity, bool withTimestamp = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("PartitionKey", entity.PartitionKey);
            json.WriteString("RowKey", entity.RowKey);
            if (withTimestamp && entity.Timestamp is { } timestamp)
            {
                json.WriteString("Timestamp", timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            }

            json.WriteStartObject("Properties");
            foreach (var (name, value) in entity.Where(p => !IsSystem(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (value is null)
                {
                    continue;
                }

                json.WriteStartObject(name);
                WriteValue(json, name, value);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The row a line describes, every property of the type it names; a line that is not one throws.</summary>
    public static TableEntity FromJsonLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var entity = new TableEntity(root.GetProperty("PartitionKey").GetString()!, root.GetProperty("RowKey").GetString()!);
        foreach (var property in root.GetProperty("Properties").EnumerateObject())
        {
            var type = property.Value.GetProperty("Type").GetString();
            var value = property.Value.GetProperty("Value");
            entity[property.Name] = type switch
            {
                "String" => value.GetString()!,
                "Int32" => value.GetInt32(),
                "Int64" => long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "Double" => double.Parse(value.GetString()!, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
                "Boolean" => value.GetBoolean(),
                "DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "Guid" => Guid.ParseExact(value.GetString()!, "D"),
                "Binary" => value.GetBytesFromBase64(),
                _ => throw new FormatException($"property {property.Name} has the unknown type '{type}'"),
            };
        }

        return entity;
    }

    private static bool IsSystem(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || name.EndsWith("@odata.type", StringComparison.Ordinal);

    private static void WriteValue(Utf8JsonWriter json, string name, object value)
    {
        switch (value)
        {
            case string text:
                json.WriteString("Type", "String");
                json.WriteString("Value", text);
                break;
            case int number:
                json.WriteString("Type", "Int32");
                json.WriteNumber("Value", number);
                break;
            case long number:
                json.WriteString("Type", "Int64");
                json.WriteString("Value", number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                json.WriteString("Type", "Double");
                json.WriteString("Value", number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool flag:
                json.WriteString("Type", "Boolean");
                json.WriteBoolean("Value", flag);
                break;
            case DateTimeOffset date:
                json.WriteString("Type", "DateTime");
                json.WriteString("Value", date.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTime date:
                json.WriteString("Type", "DateTime");
                json.WriteString("Value", date.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                break;
            case Guid guid:
                json.WriteString("Type", "Guid");
                json.WriteString("Value", guid.ToString("D"));
                break;
            case byte[] bytes:
                json.WriteString("Type", "Binary");
                json.WriteBase64String("Value", bytes);
                break;
            case BinaryData data:
                json.WriteString("Type", "Binary");
                json.WriteBase64String("Value", data.ToMemory().Span);
                break;
            default:
                throw new BackupException($"property {name} holds a {value.GetType().Name}, which a backup does not know how to keep.");
        }
    }
}
