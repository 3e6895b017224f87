using System.Text.Json;
using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

public sealed class NonBusinessDayJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_holiday_serialises_with_an_ISO_date_and_the_reason_by_name()
    {
        var newYear = Of("PT").NonBusinessDays(2026)[0];

        var json = JsonSerializer.Serialize(newYear, Web);

        Assert.Contains("\"date\":\"2026-01-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"NationalHoliday\"", json, StringComparison.Ordinal);
        Assert.Contains("\"namePt\":\"Ano Novo\"", json, StringComparison.Ordinal);
        Assert.Contains("\"policy\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_half_day_serialises_its_policy_and_hours()
    {
        var settings = WithOptionalDays(new OptionalDaySetting { Day = OptionalDay.AshWednesday, Policy = OptionalDayPolicy.HalfDay, OpensAt = new TimeOnly(12, 0) });
        var ashWednesday = Of("BR", settings: settings).NonBusinessDays(2026).Single(day => day.OptionalDay == OptionalDay.AshWednesday);

        var json = JsonSerializer.Serialize(ashWednesday, Web);

        Assert.Contains("\"optionalDay\":\"AshWednesday\"", json, StringComparison.Ordinal);
        Assert.Contains("\"policy\":\"HalfDay\"", json, StringComparison.Ordinal);
        Assert.Contains("\"opensAt\":\"12:00:00\"", json, StringComparison.Ordinal);
        Assert.Equal(ashWednesday, JsonSerializer.Deserialize<NonBusinessDay>(json, Web));
    }
}
