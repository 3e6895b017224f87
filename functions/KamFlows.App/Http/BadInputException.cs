namespace KamFlows.App.Http;

/// <summary>Input found wrong below the endpoint (e.g. a forged continuation token): answered as a 400 validation problem.</summary>
public sealed class BadInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
