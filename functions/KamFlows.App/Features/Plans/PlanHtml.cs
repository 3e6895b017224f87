using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Plans;

namespace KamFlows.App.Features.Plans;

/// <summary>
/// A plan version as an HTML page, rendered when read: the version stores contact ids only, so a
/// contact's name is looked up now, and an erased (or unknown) contact shows "[erased]". Every text
/// is HTML-encoded; the page has no scripts.
/// </summary>
public static class PlanHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Render(string accountName, PlanVersion version, IReadOnlyDictionary<string, string> contactNames, IReadOnlyDictionary<string, string> userNames)
    {
        ArgumentNullException.ThrowIfNull(version);
        var plan = version.Plan;
        var html = new StringBuilder();
        string Contact(string id) => contactNames.TryGetValue(id, out var name) ? name : Erased.Marker;
        string User(string? id) => id is null ? "" : userNames.TryGetValue(id, out var name) ? name : id;

        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Account plan: ").Append(E(accountName)).Append(", version ").Append(version.Number).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}</style>")
            .Append("</head><body>\n");
        html.Append("<h1>Account plan: ").Append(E(accountName)).Append("</h1>\n");
        html.Append("<p>Version ").Append(version.Number).Append(", ").Append(E(version.Status.ToString().ToLowerInvariant()))
            .Append(". Submitted ").Append(Date(version.SubmittedAt)).Append(" by ").Append(E(User(version.SubmittedByUserId))).Append('.');
        if (version.DecidedAt is { } decidedAt)
        {
            html.Append(" Decided ").Append(Date(decidedAt)).Append(" by ").Append(E(User(version.DecidedByUserId))).Append('.');
        }

        if (version.Comment is { } comment)
        {
            html.Append(" Comment: ").Append(E(comment));
        }

        html.Append("</p>\n");

        Section(html, "Mission").Append("<p>").Append(E(plan.Mission)).Append("</p>\n");

        var money = plan.FinancialSummary;
        Section(html, "Financial summary").Append("<table><tr><th>Current annual revenue</th><td>").Append(Amount(money.CurrentAnnualRevenue)).Append(' ').Append(E(money.Currency))
            .Append("</td></tr><tr><th>Target annual revenue</th><td>").Append(Amount(money.TargetAnnualRevenue)).Append(' ').Append(E(money.Currency)).Append("</td></tr></table>\n");
        if (money.Notes is { } notes)
        {
            html.Append("<p>").Append(E(notes)).Append("</p>\n");
        }

        Section(html, "Customer overview").Append("<p>").Append(E(plan.CustomerOverview.Text)).Append("</p>\n");
        List(html, "Key contacts", plan.CustomerOverview.KeyContactIds.Select(Contact), ordered: false, level: 3);
        List(html, "Critical success factors", plan.CriticalSuccessFactors, ordered: true);

        Section(html, "Portfolio").Append("<table><tr><th>Line</th><th>Current revenue</th><th>Target revenue</th></tr>");
        foreach (var line in plan.Portfolio)
        {
            html.Append("<tr><td>").Append(E(line.Line)).Append("</td><td>").Append(Amount(line.CurrentRevenue)).Append(' ').Append(E(line.Currency))
                .Append("</td><td>").Append(Amount(line.TargetRevenue)).Append(' ').Append(E(line.Currency)).Append("</td></tr>");
        }

        html.Append("</table>\n");
        List(html, "Assumptions", plan.Assumptions, ordered: false);
        List(html, "Objectives", plan.Objectives, ordered: false);

        Section(html, "Business goals");
        foreach (var goal in plan.Goals)
        {
            html.Append("<h3>").Append(E(goal.Title)).Append("</h3>\n<p>").Append(E(goal.Measure)).Append(": ").Append(Amount(goal.Target))
                .Append(" from ").Append(Date(goal.Start)).Append(" to ").Append(Date(goal.Due)).Append("</p>\n");
            html.Append("<table><tr><th>Quarter</th><th>Target</th><th>Actual</th><th>Actions</th></tr>");
            foreach (var milestone in goal.Milestones)
            {
                html.Append("<tr><td>").Append(E(milestone.Quarter)).Append("</td><td>").Append(Amount(milestone.Target)).Append("</td><td>")
                    .Append(milestone.Actual is { } actual ? Amount(actual) : "").Append("</td><td><ul>");
                foreach (var action in milestone.Actions)
                {
                    html.Append("<li>").Append(action.Done ? "[done] " : "").Append(E(action.Title)).Append(" (").Append(E(User(action.OwnerUserId))).Append(", by ").Append(Date(action.Due));
                    if (action.ContactId is { } contact)
                    {
                        html.Append(", with ").Append(E(Contact(contact)));
                    }

                    html.Append(")</li>");
                }

                html.Append("</ul></td></tr>");
            }

            html.Append("</table>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static StringBuilder Section(StringBuilder html, string title) => html.Append("<h2>").Append(title).Append("</h2>\n");

    private static void List(StringBuilder html, string title, IEnumerable<string> items, bool ordered, int level = 2)
    {
        var tag = ordered ? "ol" : "ul";
        html.Append("<h").Append(level).Append('>').Append(title).Append("</h").Append(level).Append(">\n<").Append(tag).Append('>');
        foreach (var item in items)
        {
            html.Append("<li>").Append(E(item)).Append("</li>");
        }

        html.Append("</").Append(tag).Append(">\n");
    }

    private static string E(string text) => Encoder.Encode(text);

    private static string Amount(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
