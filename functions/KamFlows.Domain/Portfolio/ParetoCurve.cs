namespace KamFlows.Domain.Portfolio;

/// <summary>A point of the Pareto curve: the top <see cref="Accounts"/> accounts (that share of all accounts) make that share of revenue.</summary>
public sealed record CurvePoint(int Accounts, decimal AccountShare, decimal RevenueShare);

/// <summary>
/// The cumulative revenue curve of a ranking, from (0, 0) to (all accounts, 1), at most
/// <c>maxPoints</c> points after the origin, evenly spread over the ranks, the last rank always
/// included, so a portfolio of ten thousand accounts draws in a hundred points.
/// </summary>
public static class ParetoCurve
{
    public static IReadOnlyList<CurvePoint> Points(ParetoRanking ranking, int maxPoints = 100)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var n = ranking.Accounts.Count;
        var points = new List<CurvePoint> { new(0, 0m, 0m) };
        var steps = Math.Min(n, maxPoints);
        for (var s = 1; s <= steps; s++)
        {
            var rank = (int)Math.Ceiling((double)s * n / steps);
            points.Add(new CurvePoint(rank, Math.Round((decimal)rank / n, 4), Math.Round(ranking.Accounts[rank - 1].CumulativeShare, 4)));
        }

        return points;
    }
}
