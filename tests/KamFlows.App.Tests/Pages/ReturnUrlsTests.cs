using KamFlows.App.Pages;

namespace KamFlows.App.Tests.Pages;

public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/app/")]
    [InlineData("/app/accounts/42?tab=plan#goals")]
    [InlineData("/l/abc")]
    public void A_path_of_this_site_is_followed(string url) => Assert.Equal(url, ReturnUrls.LocalOrHome(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/app/\\\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("http:evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("app/")]
    [InlineData("/app/\r\nLocation: https://evil.example")]
    [InlineData("/\t/evil.example")]
    public void Anything_else_goes_home(string? url) => Assert.Equal("/app/", ReturnUrls.LocalOrHome(url));
}
