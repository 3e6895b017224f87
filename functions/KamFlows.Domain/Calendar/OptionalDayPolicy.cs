using System.Text.Json.Serialization;

namespace KamFlows.Domain.Calendar;

/// <summary>What a company does on an optional day.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OptionalDayPolicy>))]
public enum OptionalDayPolicy
{
    /// <summary>A normal business day (the default: legally these are working days).</summary>
    Open,

    /// <summary>Not a business day.</summary>
    Closed,

    /// <summary>A business day with business hours cut, see <see cref="OptionalDaySetting"/>.</summary>
    HalfDay,
}
