using System.Text.Json.Serialization;

namespace KamFlows.Domain.Calendar;

/// <summary>Why a day is not (or not fully) a business day.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NonBusinessReason>))]
public enum NonBusinessReason
{
    NationalHoliday,
    RegionalHoliday,
    MunicipalHoliday,
    OptionalDay,
    CompanyClosure,
}
