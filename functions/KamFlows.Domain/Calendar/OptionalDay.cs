using System.Text.Json.Serialization;

namespace KamFlows.Domain.Calendar;

/// <summary>
/// Days that are not legal holidays but that many companies close, fully or partly
/// (in Brazil "ponto facultativo"); each company chooses with an <see cref="OptionalDaySetting"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<OptionalDay>))]
public enum OptionalDay
{
    /// <summary>Easter − 48 days.</summary>
    CarnivalMonday,

    /// <summary>Easter − 47 days.</summary>
    CarnivalTuesday,

    /// <summary>Easter − 46 days; in Brazil traditionally closed in the morning.</summary>
    AshWednesday,

    /// <summary>Easter + 60 days; optional in Brazil (a national holiday in Portugal).</summary>
    CorpusChristi,

    /// <summary>24 December.</summary>
    ChristmasEve,

    /// <summary>31 December.</summary>
    NewYearsEve,
}
