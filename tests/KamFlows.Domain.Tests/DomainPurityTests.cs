using System.Runtime.CompilerServices;
using KamFlows.Domain.Calendar;

namespace KamFlows.Domain.Tests;

/// <summary>The domain is pure (calendar, deciders, accounts): the current instant is always a parameter, never read; no I/O; no Azure or ASP.NET.</summary>
public sealed class DomainPurityTests
{
    private static readonly string[] Forbidden =
    [
        "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow",
        "TimeProvider", "Random", "Stopwatch", "System.IO", "HttpClient", "Environment.",
    ];

    [Fact]
    public void Domain_code_reads_no_clock_no_randomness_and_no_files()
    {
        var sources = Directory.GetFiles(DomainSourceFolder(), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sources);

        var offences = sources
            .SelectMany(file => Forbidden.Where(File.ReadAllText(file).Contains).Select(word => $"{Path.GetFileName(file)}: {word}"))
            .ToList();

        Assert.Empty(offences);
    }

    [Fact]
    public void The_domain_assembly_references_only_the_base_class_library() =>
        Assert.All(
            typeof(BusinessCalendar).Assembly.GetReferencedAssemblies(),
            reference => Assert.True(reference.Name is "netstandard" || reference.Name!.StartsWith("System", StringComparison.Ordinal), reference.Name));

    private static string DomainSourceFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "../../functions/KamFlows.Domain"));
}
