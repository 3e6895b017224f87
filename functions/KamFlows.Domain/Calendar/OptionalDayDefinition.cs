namespace KamFlows.Domain.Calendar;

/// <summary>An optional day a country knows, with its date rule and names there.</summary>
public sealed record OptionalDayDefinition(OptionalDay Day, HolidayDefinition Date);
