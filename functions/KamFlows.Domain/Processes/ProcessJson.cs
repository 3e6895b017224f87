using System.Text.Json;
using System.Text.Json.Serialization;

namespace KamFlows.Domain.Processes;

/// <summary>How processes write their data as JSON by default, and how a parent reads a child's result.</summary>
public static class ProcessJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static T? Read<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, Options);

    public static string Write(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);
}
