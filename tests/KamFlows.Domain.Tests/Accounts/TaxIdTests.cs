using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Tests.Accounts;

public sealed class TaxIdTests
{
    // An independent statement of the Receita Federal rule: value = ASCII - 48, explicit weight lists.
    private static readonly int[] FirstWeights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] SecondWeights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    private static string ExpectedCnpjDigits(string base12)
    {
        static int Digit(string s, int[] weights)
        {
            var sum = s.Select((c, i) => (c - 48) * weights[i]).Sum();
            return sum % 11 is 0 or 1 ? 0 : 11 - (sum % 11);
        }

        var first = Digit(base12, FirstWeights);
        var second = Digit(base12 + first, SecondWeights);
        return $"{first}{second}";
    }

    [Theory]
    [InlineData("12.ABC.345/01DE-35")] // the Receita Federal's own example
    [InlineData("12ABC34501DE35")]
    [InlineData("12abc34501de35")]
    [InlineData("11.222.333/0001-81")] // classic numeric CNPJ
    [InlineData("11444777000161")]
    public void Valid_cnpjs_are_accepted(string cnpj) => Assert.True(Cnpj.IsValid(cnpj));

    [Theory]
    [InlineData("12ABC34501DE")]
    [InlineData("X1ZZ9K7Q0A2B")]
    [InlineData("AAAAAAAA0001")]
    [InlineData("000000000191")]
    public void Alphanumeric_cnpjs_with_independently_computed_digits_are_accepted(string base12)
    {
        var digits = ExpectedCnpjDigits(base12);

        Assert.Equal(digits, Cnpj.CheckDigits(base12));
        Assert.Equal(base12 + digits, Cnpj.Normalise(base12 + digits));
    }

    [Fact]
    public void The_receita_example_has_check_digits_35() => Assert.Equal("35", ExpectedCnpjDigits("12ABC34501DE"));

    [Theory]
    [InlineData("12.ABC.345/01DE-36")] // wrong second digit
    [InlineData("12.ABC.345/01DE-45")] // wrong first digit
    [InlineData("11.222.333/0001-82")]
    [InlineData("12.ABC.345/01DE-3A")] // check digits are numeric
    [InlineData("12.ABC.345/01D-35")] // too short
    [InlineData("12.AB#.345/01DE-35")] // not alphanumeric
    [InlineData("00000000000000")] // repeated digits pass the arithmetic, never issued
    [InlineData("")]
    public void Invalid_cnpjs_are_refused(string cnpj) => Assert.False(Cnpj.IsValid(cnpj));

    [Theory]
    [InlineData("123456789")]
    [InlineData("501964843")]
    [InlineData("PT 501 964 843")]
    [InlineData("980000009")]
    [InlineData("980000003")]
    public void Nif_check_digit_is_11_minus_the_weighted_sum_mod_11(string nif)
    {
        var digits = new string(nif.Where(char.IsAsciiDigit).ToArray());
        var sum = Enumerable.Range(0, 8).Sum(i => (digits[i] - '0') * (9 - i));
        var expected = 11 - (sum % 11) >= 10 ? 0 : 11 - (sum % 11);

        Assert.Equal(expected == digits[8] - '0', Nif.IsValid(nif));
    }

    [Theory]
    [InlineData("123456789", true)]
    [InlineData("501964843", true)]
    [InlineData("PT501964843", true)]
    [InlineData("123456780", false)] // wrong check digit
    [InlineData("501964844", false)]
    [InlineData("012345675", false)] // no taxpayer kind starts with 0
    [InlineData("12345678", false)]
    [InlineData("12345678A", false)]
    public void Nifs_are_checked(string nif, bool valid) => Assert.Equal(valid, Nif.IsValid(nif));

    [Theory]
    [InlineData("BR", "12.ABC.345/01DE-35", TaxIdScheme.Cnpj, "12ABC34501DE35")]
    [InlineData("PT", "501 964 843", TaxIdScheme.Nif, "501964843")]
    [InlineData("PT", "PT501964843", TaxIdScheme.Nif, "501964843")]
    [InlineData("PT", "ESB12345678", TaxIdScheme.Vat, "ESB12345678")]
    [InlineData("PT", "DE 123 456 789", TaxIdScheme.Vat, "DE123456789")]
    [InlineData("BR", "DE123456789", null, null)] // a Brazilian account has a CNPJ
    [InlineData("BR", "NL123456789B01", TaxIdScheme.Cnpj, "NL123456789B01")] // also a valid alphanumeric CNPJ: why BR tries nothing else
    [InlineData("PT", "DE12345678", null, null)] // DE has 9 digits
    [InlineData("PT", "ZZ123456789", null, null)] // unknown prefix
    [InlineData("PT", "PT501964844", null, null)] // PT prefix still checks the NIF digit
    [InlineData("PT", " ", null, null)]
    public void A_tax_id_is_read_by_the_accounts_country_and_prefix(string country, string input, TaxIdScheme? scheme, string? value)
    {
        var ok = TaxId.TryParse(country, input, out var taxId, out var error);

        Assert.Equal(scheme is not null, ok);
        Assert.Equal(scheme is null ? null : new TaxId(scheme.Value, value!), taxId);
        if (!ok)
        {
            Assert.Contains("TaxId", error, StringComparison.Ordinal);
        }
    }
}
