using System.Text.RegularExpressions;
using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Plans;

/// <summary>A rule of the plan that does not hold, at a JSON path of the plan ("goals[0].milestones[1].quarter").</summary>
public sealed record PlanProblem(string Path, string Message);

/// <summary>
/// What makes an account plan consistent, beyond the shape of each field: ids that tasks can be keyed
/// by, unique across the plan; goals whose start is not after their due date; milestones inside their
/// goal's dates, one per quarter; actions due by the end of their milestone's quarter, owned by a
/// member of the account team; contacts that belong to the account.
/// </summary>
public static partial class PlanRules
{
    public static IReadOnlyList<PlanProblem> Check(AccountPlan plan, IReadOnlySet<string> team, IReadOnlySet<string> contactIds)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(contactIds);
        var problems = new List<PlanProblem>();
        void Problem(string path, string message) => problems.Add(new PlanProblem(path, message));

        CheckCurrency(plan.FinancialSummary.Currency, "financialSummary.currency", Problem);
        var keyContacts = plan.CustomerOverview.KeyContactIds;
        for (var i = 0; i < keyContacts.Count; i++)
        {
            if (!contactIds.Contains(keyContacts[i]))
            {
                Problem($"customerOverview.keyContactIds[{i}]", $"'{keyContacts[i]}' is not a contact of the account.");
            }
        }

        if (keyContacts.Distinct(StringComparer.Ordinal).Count() != keyContacts.Count)
        {
            Problem("customerOverview.keyContactIds", "A key contact is listed twice.");
        }

        var lines = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < plan.Portfolio.Count; i++)
        {
            var line = plan.Portfolio[i];
            CheckCurrency(line.Currency, $"portfolio[{i}].currency", Problem);
            if (!lines.Add(line.Line.Trim()))
            {
                Problem($"portfolio[{i}].line", $"The line '{line.Line}' is listed twice.");
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Id(string id, string path)
        {
            if (!IdPattern().IsMatch(id))
            {
                Problem(path, "An id is 1 to 40 letters, digits, '-' or '_'.");
            }
            else if (!ids.Add(id))
            {
                Problem(path, $"The id '{id}' is used twice in the plan.");
            }
        }

        for (var g = 0; g < plan.Goals.Count; g++)
        {
            var goal = plan.Goals[g];
            var at = $"goals[{g}]";
            Id(goal.Id, at + ".id");
            if (goal.Start > goal.Due)
            {
                Problem(at + ".due", "A goal is due on or after its start.");
            }

            var quarters = new HashSet<Quarter>();
            for (var m = 0; m < goal.Milestones.Count; m++)
            {
                var milestone = goal.Milestones[m];
                var mat = $"{at}.milestones[{m}]";
                Id(milestone.Id, mat + ".id");
                if (!Quarter.TryParse(milestone.Quarter, out var quarter))
                {
                    Problem(mat + ".quarter", "A milestone's quarter is written like 2026-Q3.");
                    continue;
                }

                if (quarter.LastDay < goal.Start || quarter.FirstDay > goal.Due)
                {
                    Problem(mat + ".quarter", $"{quarter} is outside the goal's dates ({goal.Start:yyyy-MM-dd} to {goal.Due:yyyy-MM-dd}).");
                }

                if (!quarters.Add(quarter))
                {
                    Problem(mat + ".quarter", $"The goal has two milestones for {quarter}.");
                }

                for (var a = 0; a < milestone.Actions.Count; a++)
                {
                    var action = milestone.Actions[a];
                    var aat = $"{mat}.actions[{a}]";
                    Id(action.Id, aat + ".id");
                    if (action.Due > quarter.LastDay)
                    {
                        Problem(aat + ".due", $"An action is due by the end of its milestone's quarter ({quarter.LastDay:yyyy-MM-dd}).");
                    }

                    if (!team.Contains(action.OwnerUserId))
                    {
                        Problem(aat + ".ownerUserId", "An action's owner is a member of the account team (the owner or a co-KAM).");
                    }

                    if (action.ContactId is { } contact && !contactIds.Contains(contact))
                    {
                        Problem(aat + ".contactId", $"'{contact}' is not a contact of the account.");
                    }
                }
            }
        }

        return problems;
    }

    private static void CheckCurrency(string currency, string path, Action<string, string> problem)
    {
        if (!CurrencyPattern().IsMatch(currency))
        {
            problem(path, "A currency is an ISO 4217 code, e.g. BRL or EUR.");
        }
    }

    // Ids become parts of task keys and table row keys: no '/', '\', '#', '?' or '|'.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
