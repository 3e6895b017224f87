using System.Text.Json;
using System.Text.Json.Serialization;

namespace KamFlows.App.Features.Plans;

/// <summary>How plans and task requests are stored as JSON: web names, enums by name (so reordering an enum never changes what a stored value means).</summary>
internal static class PlanJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
