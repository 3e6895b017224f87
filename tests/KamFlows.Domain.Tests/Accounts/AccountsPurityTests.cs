using System.Runtime.CompilerServices;

namespace KamFlows.Domain.Tests.Accounts;

/// <summary>The account rules are pure: no clock, no randomness, no I/O.</summary>
public sealed class AccountsPurityTests
{
    private static readonly string[] Forbidden =
    [
        "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow",
        "TimeProvider", "Random", "Stopwatch", "System.IO", "HttpClient", "Environment.", "Guid.NewGuid",
    ];

    [Fact]
    public void Account_rules_read_no_clock_no_randomness_and_no_files()
    {
        var sources = Directory.GetFiles(SourceFolder(), "*.cs");
        Assert.NotEmpty(sources);

        var offences = sources
            .SelectMany(file => Forbidden.Where(File.ReadAllText(file).Contains).Select(word => $"{Path.GetFileName(file)}: {word}"))
            .ToList();

        Assert.Empty(offences);
    }

    private static string SourceFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "../../../functions/KamFlows.Domain/Accounts"));
}
