namespace KamFlows.Domain.Organisation;

/// <summary>The languages KamFlows writes to people in (emails, pages).</summary>
public static class Languages
{
    public const string PortugueseBrazil = "pt-BR";
    public const string PortuguesePortugal = "pt-PT";
    public const string English = "en";
}
