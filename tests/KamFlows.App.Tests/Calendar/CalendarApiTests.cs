using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Calendar;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Calendar;

/// <summary>The calendar API, with company settings bound from configuration as an administrator would write them.</summary>
public sealed class CalendarApiTests(CalendarApiTests.App app) : IClassFixture<CalendarApiTests.App>
{
    public sealed class App : KamFlowsApp
    {
        public App(Azurite azurite)
            : base(azurite) => Settings = new Dictionary<string, string?>
            {
                ["Calendar:WorkingHours:Opens"] = "08:30",
                ["Calendar:WorkingHours:Closes"] = "17:30",
                ["Calendar:OptionalDays:0:Day"] = "CarnivalMonday",
                ["Calendar:OptionalDays:0:Policy"] = "Closed",
                ["Calendar:OptionalDays:0:Country"] = "BR",
                ["Calendar:OptionalDays:1:Day"] = "AshWednesday",
                ["Calendar:OptionalDays:1:Policy"] = "HalfDay",
                ["Calendar:OptionalDays:1:OpensAt"] = "12:00",
                ["Calendar:OptionalDays:1:Country"] = "BR",
                ["Calendar:Holidays:0:Country"] = "PT",
                ["Calendar:Holidays:0:Municipality"] = "Lisboa",
                ["Calendar:Holidays:0:Month"] = "6",
                ["Calendar:Holidays:0:Day"] = "13",
                ["Calendar:Holidays:0:NamePt"] = "Santo António",
                ["Calendar:Holidays:0:NameEn"] = "Saint Anthony",
                ["Calendar:Closures:0:From"] = "2026-12-28",
                ["Calendar:Closures:0:To"] = "2026-12-31",
                ["Calendar:Closures:0:NamePt"] = "Férias coletivas",
                ["Calendar:Closures:0:NameEn"] = "Collective holidays",
            };
    }

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Company_settings_bind_from_configuration()
    {
        var settings = app.Services.GetRequiredService<BusinessCalendars>().Settings;

        Assert.Equal(new BusinessHours(new TimeOnly(8, 30), new TimeOnly(17, 30)), settings.WorkingHours);
        Assert.Equal(2, settings.OptionalDays.Count);
        Assert.Equal(OptionalDayPolicy.HalfDay, settings.OptionalDays[1].Policy);
        Assert.Equal(new TimeOnly(12, 0), settings.OptionalDays[1].OpensAt);
        Assert.Equal("Lisboa", settings.Holidays.Single().Municipality);
        Assert.Equal(new DateOnly(2026, 12, 28), settings.Closures.Single().From);
    }

    [Fact]
    public async Task A_year_lists_holidays_optional_days_and_closures_with_their_names()
    {
        var body = await app.ReadAsync<JsonElement>(await app.AdminClient().GetAsync("/api/calendar/BR/2026?region=BR-SP", Ct));

        var days = body.GetProperty("nonBusinessDays").EnumerateArray()
            .Select(d => (Date: d.GetProperty("date").GetString(), Reason: d.GetProperty("reason").GetString(), Name: d.GetProperty("nameEn").GetString()))
            .ToList();
        Assert.Contains(days, d => d.Date == "2026-04-03" && d.Name == "Good Friday");
        Assert.Contains(days, d => d.Date == "2026-07-09"); // São Paulo state
        Assert.Contains(days, d => d.Date == "2026-11-20");
        Assert.Contains(days, d => d.Date == "2026-02-16"); // Carnival Monday, closed by configuration
        Assert.Contains(days, d => d.Date == "2026-12-28" && d.Name == "Collective holidays");
        Assert.Equal("BR-SP", body.GetProperty("calendar").GetProperty("region").GetString());
    }

    [Fact]
    public async Task Next_business_day_at_nine_in_lisbon_across_the_spring_clock_change()
    {
        var url = "/api/calendar/next-business-day?from=2026-03-27T16:00:00Z&zone=Europe/Lisbon&country=PT&at=09:00";

        var body = await app.ReadAsync<JsonElement>(await app.AdminClient().GetAsync(url, Ct));

        Assert.Equal("2026-03-30", body.GetProperty("date").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), body.GetProperty("atUtc").GetDateTimeOffset());
    }

    [Fact]
    public async Task Next_business_day_skips_a_configured_municipal_holiday()
    {
        var url = "/api/calendar/next-business-day?from=2026-06-12T08:00:00Z&zone=Europe/Lisbon&country=PT&municipality=Lisboa&at=09:00";

        var body = await app.ReadAsync<JsonElement>(await app.AdminClient().GetAsync(url, Ct));

        // Friday 12 June → Saturday 13 (Santo António, on a weekend anyway) → Monday 15 June.
        Assert.Equal("2026-06-15", body.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("/api/calendar/ES/2026", "country")]
    [InlineData("/api/calendar/BR/2026?region=BR-XX", "region")]
    [InlineData("/api/calendar/BR/1200", "year")]
    [InlineData("/api/calendar/next-business-day?from=2026-03-27T16:00:00Z&zone=Mars/Olympus&country=PT", "zone")]
    [InlineData("/api/calendar/next-business-day?from=2026-03-27T16:00:00Z&zone=Europe/Lisbon&country=PT&at=07:00", "at")]
    [InlineData("/api/calendar/next-business-day?zone=Europe/Lisbon&country=PT", "from")]
    public async Task Bad_calendar_questions_are_validation_problems_naming_the_field(string url, string field)
    {
        var response = await app.AdminClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), p => p.Name == field);
    }
}
