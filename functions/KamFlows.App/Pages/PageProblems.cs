namespace KamFlows.App.Pages;

/// <summary>Problems that belong to pages and their forms.</summary>
public static class PageProblems
{
    /// <summary>A form sent without a valid antiforgery token: from another site, or an expired page.</summary>
    public static ProblemDetails FormRejected() => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Form not accepted",
        Detail = "The form did not carry a valid antiforgery token: it has expired or did not come from a KamFlows page. Nothing was changed; open the page again and send the form once more.",
    };
}
