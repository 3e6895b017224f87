namespace KamFlows.Domain.Calendar;

/// <summary>
/// Portugal: the mandatory holidays of the Código do Trabalho (art. 234), with the four suspended
/// in 2013–2015 (Lei 23/2012, restored by Lei 8/2016), the regional holidays of Madeira and the
/// Azores, and the optional days. Municipal holidays come from configuration.
/// </summary>
public static class PortugalHolidays
{
    public const string Country = "PT";

    private const int LastYearBeforeSuspension = 2012;
    private const int FirstYearRestored = 2016;

    public static CountryRules Rules { get; } = new(
        Country,
        // ISO 3166-2:PT: 18 mainland districts, then the autonomous regions Azores (20) and Madeira (30).
        [.. new[]
        {
            "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "20", "30",
        }.Select(code => $"{Country}-{code}")],
        [
            HolidayDefinition.Fixed(Country, 1, 1, "Ano Novo", "New Year's Day"),
            HolidayDefinition.FromEaster(Country, -2, "Sexta-feira Santa", "Good Friday"),
            HolidayDefinition.FromEaster(Country, 0, "Domingo de Páscoa", "Easter Sunday"),
            HolidayDefinition.Fixed(Country, 4, 25, "Dia da Liberdade", "Freedom Day"),
            HolidayDefinition.Fixed(Country, 5, 1, "Dia do Trabalhador", "Labour Day"),
            .. SuspendedIn2013To2015(HolidayDefinition.FromEaster(Country, 60, "Corpo de Deus", "Corpus Christi")),
            HolidayDefinition.Fixed(Country, 6, 10, "Dia de Portugal, de Camões e das Comunidades Portuguesas", "Portugal Day"),
            HolidayDefinition.Fixed(Country, 8, 15, "Assunção de Nossa Senhora", "Assumption Day"),
            .. SuspendedIn2013To2015(HolidayDefinition.Fixed(Country, 10, 5, "Implantação da República", "Republic Day")),
            .. SuspendedIn2013To2015(HolidayDefinition.Fixed(Country, 11, 1, "Dia de Todos os Santos", "All Saints' Day")),
            .. SuspendedIn2013To2015(HolidayDefinition.Fixed(Country, 12, 1, "Restauração da Independência", "Restoration of Independence Day")),
            HolidayDefinition.Fixed(Country, 12, 8, "Imaculada Conceição", "Immaculate Conception"),
            HolidayDefinition.Fixed(Country, 12, 25, "Natal", "Christmas Day"),

            HolidayDefinition.Fixed(Country, 7, 1, "Dia da Região Autónoma da Madeira e das Comunidades Madeirenses", "Madeira Day") with { Region = "PT-30" },
            HolidayDefinition.Fixed(Country, 12, 26, "Primeira Oitava", "First Octave of Christmas") with { Region = "PT-30" },
            // Segunda-feira do Espírito Santo: the Monday after Pentecost.
            HolidayDefinition.FromEaster(Country, 50, "Dia da Região Autónoma dos Açores", "Azores Day") with { Region = "PT-20" },
        ],
        [
            new(OptionalDay.CarnivalTuesday, HolidayDefinition.FromEaster(Country, -47, "Terça-feira de Carnaval", "Carnival Tuesday")),
            new(OptionalDay.ChristmasEve, HolidayDefinition.Fixed(Country, 12, 24, "Véspera de Natal", "Christmas Eve")),
            new(OptionalDay.NewYearsEve, HolidayDefinition.Fixed(Country, 12, 31, "Véspera de Ano Novo", "New Year's Eve")),
        ]);

    private static HolidayDefinition[] SuspendedIn2013To2015(HolidayDefinition holiday) =>
        [holiday with { LastYear = LastYearBeforeSuspension }, holiday with { FirstYear = FirstYearRestored }];
}
