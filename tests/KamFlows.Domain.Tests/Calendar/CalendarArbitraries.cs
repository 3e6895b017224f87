using FsCheck;
using FsCheck.Fluent;
using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

/// <summary>A calendar with a name FsCheck can print when a property fails.</summary>
public sealed record NamedCalendar(string Name, BusinessCalendar Calendar)
{
    public override string ToString() => Name;
}

/// <summary>A count of business days, 1 to 400.</summary>
public sealed record BusinessDayCount(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A local date and time on a day the clocks change.</summary>
public sealed record WallTimeNearClockChange(DateOnly Date, TimeOnly Time);

/// <summary>Generators for the calendar properties: dates 2000–2040, instants 2000–2035 to the minute, and a few calendars with every kind of special day.</summary>
public static class CalendarArbitraries
{
    private static readonly DateOnly FirstDate = new(2000, 1, 1);
    private static readonly DateTimeOffset FirstInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Arbitrary<DateOnly> Dates() =>
        Gen.Choose(0, 40 * 366).Select(FirstDate.AddDays).ToArbitrary();

    public static Arbitrary<DateTimeOffset> Instants() =>
        Gen.Choose(0, 35 * 366 * 24 * 60).Select(minutes => FirstInstant.AddMinutes(minutes)).ToArbitrary();

    public static Arbitrary<BusinessDayCount> Counts() =>
        Gen.Choose(1, 400).Select(count => new BusinessDayCount(count)).ToArbitrary();

    /// <summary>Wall-clock times between 00:00 and 03:59 on the last Sundays of March and October,
    /// where Lisbon's gaps and overlaps are: random instants would almost never hit them.</summary>
    public static Arbitrary<WallTimeNearClockChange> WallTimesNearClockChanges() =>
        (from year in Gen.Choose(2000, 2035)
         from month in Gen.Elements(3, 10)
         from minute in Gen.Choose(0, (4 * 60) - 1)
         select new WallTimeNearClockChange(LastSunday(year, month), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute))))
        .ToArbitrary();

    public static Arbitrary<NamedCalendar> NamedCalendars() =>
        Gen.Elements(All).ToArbitrary();

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }

    private static readonly NamedCalendar[] All =
    [
        new("PT", Of("PT")),
        new("BR", Of("BR")),
        new("PT-20 Azores", Of("PT", "PT-20")),
        new("BR-SP São Paulo, Carnival closed, Ash Wednesday from 12:00, Christmas Eve to 12:00, collective holidays", Of("BR", "BR-SP", "São Paulo", new CompanyCalendarSettings
        {
            OptionalDays =
            [
                Closed(OptionalDay.CarnivalMonday),
                Closed(OptionalDay.CarnivalTuesday),
                new OptionalDaySetting { Day = OptionalDay.AshWednesday, Policy = OptionalDayPolicy.HalfDay, OpensAt = new TimeOnly(12, 0) },
                new OptionalDaySetting { Day = OptionalDay.ChristmasEve, Policy = OptionalDayPolicy.HalfDay, ClosesAt = new TimeOnly(12, 0) },
            ],
            Holidays = [HolidayDefinition.Fixed("BR", 1, 25, "Aniversário de São Paulo", "São Paulo Anniversary") with { Municipality = "São Paulo" }],
            Closures = [.. Enumerable.Range(2000, 41).Select(year => new CompanyClosure { From = new(year, 12, 26), To = new(year + 1, 1, 2), NamePt = "Férias coletivas", NameEn = "Collective holidays" })],
        })),
    ];
}
