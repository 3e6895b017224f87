namespace KamFlows.Domain.Calendar;

/// <summary>How far a holiday reaches: the whole country, one region (state, autonomous region) or one municipality.</summary>
public enum HolidayScope
{
    National,
    Regional,
    Municipal,
}
