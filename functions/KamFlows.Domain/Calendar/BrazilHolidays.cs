namespace KamFlows.Domain.Calendar;

/// <summary>
/// Brazil: national holidays (Lei 662/1949, Lei 6.802/1980, Lei 10.607/2002, Lei 14.759/2023),
/// the optional days of the federal calendar (ponto facultativo) and the state holidays we are sure
/// of. Other state holidays come from configuration.
/// </summary>
public static class BrazilHolidays
{
    public const string Country = "BR";

    public static CountryRules Rules { get; } = new(
        Country,
        // ISO 3166-2:BR: the 26 states and the Federal District.
        [.. new[]
        {
            "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
            "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
        }.Select(state => $"{Country}-{state}")],
        [
            HolidayDefinition.Fixed(Country, 1, 1, "Confraternização Universal", "New Year's Day"),
            HolidayDefinition.FromEaster(Country, -2, "Paixão de Cristo", "Good Friday"),
            HolidayDefinition.Fixed(Country, 4, 21, "Tiradentes", "Tiradentes Day"),
            HolidayDefinition.Fixed(Country, 5, 1, "Dia do Trabalho", "Labour Day"),
            HolidayDefinition.Fixed(Country, 9, 7, "Independência do Brasil", "Independence Day"),
            HolidayDefinition.Fixed(Country, 10, 12, "Nossa Senhora Aparecida", "Our Lady of Aparecida") with { FirstYear = 1980 },
            HolidayDefinition.Fixed(Country, 11, 2, "Finados", "All Souls' Day"),
            HolidayDefinition.Fixed(Country, 11, 15, "Proclamação da República", "Republic Proclamation Day"),
            HolidayDefinition.Fixed(Country, 11, 20, "Dia Nacional de Zumbi e da Consciência Negra", "Black Consciousness Day") with { FirstYear = 2024 },
            HolidayDefinition.Fixed(Country, 12, 25, "Natal", "Christmas Day"),

            HolidayDefinition.Fixed(Country, 7, 9, "Revolução Constitucionalista de 1932", "Constitutionalist Revolution of 1932") with { Region = "BR-SP", FirstYear = 1997 },
            HolidayDefinition.Fixed(Country, 4, 23, "Dia de São Jorge", "Saint George's Day") with { Region = "BR-RJ", FirstYear = 2008 },
            // A state holiday in Rio de Janeiro until it became national in 2024.
            HolidayDefinition.Fixed(Country, 11, 20, "Dia da Consciência Negra", "Black Consciousness Day") with { Region = "BR-RJ", FirstYear = 2002, LastYear = 2023 },
            HolidayDefinition.Fixed(Country, 7, 2, "Independência da Bahia", "Bahia Independence Day") with { Region = "BR-BA" },
            HolidayDefinition.Fixed(Country, 9, 20, "Revolução Farroupilha", "Ragamuffin Revolution Day") with { Region = "BR-RS" },
            HolidayDefinition.Fixed(Country, 9, 5, "Elevação do Amazonas à categoria de Província", "Amazonas Elevation to Province Day") with { Region = "BR-AM" },
        ],
        [
            new(OptionalDay.CarnivalMonday, HolidayDefinition.FromEaster(Country, -48, "Segunda-feira de Carnaval", "Carnival Monday")),
            new(OptionalDay.CarnivalTuesday, HolidayDefinition.FromEaster(Country, -47, "Terça-feira de Carnaval", "Carnival Tuesday")),
            new(OptionalDay.AshWednesday, HolidayDefinition.FromEaster(Country, -46, "Quarta-feira de Cinzas", "Ash Wednesday")),
            new(OptionalDay.CorpusChristi, HolidayDefinition.FromEaster(Country, 60, "Corpus Christi", "Corpus Christi")),
            new(OptionalDay.ChristmasEve, HolidayDefinition.Fixed(Country, 12, 24, "Véspera de Natal", "Christmas Eve")),
            new(OptionalDay.NewYearsEve, HolidayDefinition.Fixed(Country, 12, 31, "Véspera de Ano Novo", "New Year's Eve")),
        ]);
}
