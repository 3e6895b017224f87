using System.Security.Claims;
using Azure;
using KamFlows.App.Features.Plans;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.App.Work;
using KamFlows.Domain.ErpImports;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.ErpImports;

/// <summary>
/// ERP imports (administrators): sources with their column mapping; an upload streamed to Blob
/// Storage; its preview; the run (202, queue-driven) with its progress; cancelling; the rejected rows.
/// </summary>
public static partial class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("api/imports").WithTags("Imports").RequireAuthorization(Policies.Admin);
        imports.MapGet("sources", Sources).WithName("ListImportSources").WithSummary("Every source (ERP export) with its column mapping.");
        imports.MapGet("sources/{sourceId}", Source).WithName("GetImportSource").WithSummary("A source's column mapping and formats.");
        imports.MapPut("sources/{sourceId}", SaveSource).WithName("SaveImportSource")
            .WithSummary("Saves a source's column mapping (field -> column header), decimal mark, date format, default currency and business unit, optional encoding and delimiter.");
        var maxUpload = app.ServiceProvider.GetRequiredService<IOptions<ErpImportOptions>>().Value.MaxUploadBytes;
        imports.MapPost("", Upload).WithMetadata(new UploadSizeLimit(maxUpload)).WithName("UploadImport")
            .WithSummary("Uploads an ERP file (the raw body: .csv, .txt or .xlsx) for ?source=; ?name= its file name; ?scope=Full|Partial for receivables. Streamed to Blob Storage; run it with POST /api/imports/{id}/run.");
        imports.MapGet("", List).WithName("ListImports").WithSummary("Every import, newest first.");
        imports.MapGet("{id}", Get).WithName("GetImport").WithSummary("An import's status and progress: rows read, applied and rejected.");
        imports.MapGet("{id}/preview", Preview).WithName("PreviewImport").WithSummary("The file's first rows (?rows=, default 10) read with its source's mapping, and what each becomes.");
        imports.MapPost("{id}/run", Run).WithName("RunImport").WithSummary("Starts the import (202 Accepted, Location: its progress). Running it again changes nothing.");
        imports.MapPost("{id}/cancel", Cancel).WithName("CancelImport").WithSummary("Cancels an import that has not switched: none of its rows will count.");
        imports.MapGet("{id}/rejections", Rejections).WithName("ListImportRejections").WithSummary("The rejected rows: row number in the file and reason.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ImportSource>>> Sources(ImportStore store, CancellationToken ct) => TypedResults.Ok(await store.SourcesAsync(ct));

    private static async Task<Results<Ok<ImportSource>, NotFound>> Source(string sourceId, ImportStore store, CancellationToken ct) =>
        await store.FindSourceAsync(sourceId, ct) is { } found ? TypedResults.Ok(found.Value) : TypedResults.NotFound();

    private static async Task<Results<Ok<ImportSource>, ValidationProblem>> SaveSource(
        string sourceId, ImportSourceInput input, ClaimsPrincipal principal, ImportStore store, TimeProvider clock, CancellationToken ct)
    {
        if (!IsSourceId(sourceId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sourceId"] = ["A source id is 1 to 40 letters, digits, '-' or '_'."] });
        }

        var source = input.ToSource(sourceId, clock.GetUtcNow(), PlansApi.Who(principal));
        await store.SaveSourceAsync(source, ct);
        return TypedResults.Ok(source);
    }

    private static async Task<Results<Created<ImportView>, ValidationProblem>> Upload(
        string? source, string? name, SnapshotScope? scope, HttpRequest request, ClaimsPrincipal principal,
        ImportStore store, ImportFiles files, TimeProvider clock, IOptions<ErpImportOptions> options, ILogger<ImportFiles> logger, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var found = IsSourceId(source) ? await store.FindSourceAsync(source!, ct) : null;
        if (found is null)
        {
            errors["source"] = ["Name a saved source (PUT /api/imports/sources/{id})."];
        }

        if (name is null || name.Length > 200 || !ImportFiles.IsAccepted(name))
        {
            errors["name"] = ["The file name (up to 200 characters) ends in .csv, .txt or .xlsx."];
        }

        if (found?.Value.Kind == ImportKind.Receivables && scope is null)
        {
            errors["scope"] = ["A receivables file says whether it is a Full snapshot (a document it leaves out is paid) or Partial."];
        }
        else if (found?.Value.Kind == ImportKind.Sales && scope is not null)
        {
            errors["scope"] = ["Only a receivables file has a scope."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var id = Guid.NewGuid().ToString("N");
        var (bytes, sha256) = await files.SaveAsync(id, request.Body, options.Value.MaxUploadBytes, ct);
        var import = new ImportRecord(id, source!, found!.Value.Kind, scope, name!, bytes, sha256, ImportStatus.Uploaded, 0, 0, 0, 0, false, null, null, null, null,
            clock.GetUtcNow(), PlansApi.Who(principal), null, null, null);
        await store.CreateAsync(import, ct);
        LogUploaded(logger, id, source!, bytes);
        return TypedResults.Created($"/api/imports/{id}", ImportView.Of(import));
    }

    private static async Task<Ok<IReadOnlyList<ImportView>>> List(ImportStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ImportView>>([.. (await store.AllAsync(ct)).Select(ImportView.Of)]);

    private static async Task<Results<Ok<ImportView>, NotFound>> Get(string id, ImportStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } found ? TypedResults.Ok(ImportView.Of(found.Value)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ImportPreview>, NotFound, ProblemHttpResult>> Preview(
        string id, int? rows, ImportStore store, ImportFiles files, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } found || await store.FindSourceAsync(found.Value.SourceId, ct) is not { } source)
        {
            return TypedResults.NotFound();
        }

        ImportTable table;
        try
        {
            table = await files.OpenAsync(found.Value, source.Value, ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException or FormatException)
        {
            return TypedResults.Problem("The file cannot be read as " + (ImportFiles.IsWorkbook(found.Value.FileName) ? "an .xlsx workbook." : "CSV."), statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        using (table)
        {
            return TypedResults.Ok(await ImportPreviews.ReadAsync(table, source.Value, Math.Clamp(rows ?? 10, 1, 100), ct));
        }
    }

    private static async Task<Results<Accepted<ImportView>, NotFound, ProblemHttpResult>> Run(string id, ImportStore store, WorkQueue work, TimeProvider clock, CancellationToken ct)
    {
        while (true)
        {
            if (await store.FindAsync(id, ct) is not { } found)
            {
                return TypedResults.NotFound();
            }

            var import = found.Value;
            if (import.Discarded)
            {
                return TypedResults.Problem($"The import has ended {import.Status}: upload the file again.", statusCode: StatusCodes.Status409Conflict);
            }

            if (import.Status != ImportStatus.Uploaded)
            {
                return TypedResults.Accepted($"/api/imports/{id}", ImportView.Of(import));
            }

            if (!await store.ClaimSourceAsync(import.SourceId, id, async other => (await store.FindAsync(other, ct))?.Value.Ended ?? true, ct))
            {
                return TypedResults.Problem("Another import of this source is running: imports of one source run one after the other.", statusCode: StatusCodes.Status409Conflict);
            }

            var running = import with { Status = ImportStatus.Running, StartedAt = clock.GetUtcNow() };
            try
            {
                await store.UpdateAsync(running, found.ETag, ct);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                continue;
            }

            await work.SendAsync(new WorkItem(ImportRun.WorkKind, id), cancellationToken: ct);
            return TypedResults.Accepted($"/api/imports/{id}", ImportView.Of(running));
        }
    }

    private static async Task<Results<Ok<ImportView>, NotFound, ProblemHttpResult>> Cancel(string id, ImportStore store, TimeProvider clock, CancellationToken ct)
    {
        while (true)
        {
            if (await store.FindAsync(id, ct) is not { } found)
            {
                return TypedResults.NotFound();
            }

            var import = found.Value;
            if (import.Counts)
            {
                return TypedResults.Problem("The import has switched: its rows count. Import a corrected file instead.", statusCode: StatusCodes.Status409Conflict);
            }

            if (import.Ended || import.CancelRequested)
            {
                return TypedResults.Ok(ImportView.Of(import));
            }

            // Not yet running: cancelled at once. Running: the run ends it at its next checkpoint (or, after a crash, when it resumes).
            var cancelled = import.Status == ImportStatus.Uploaded
                ? import with { Status = ImportStatus.Cancelled, CancelRequested = true, FinishedAt = clock.GetUtcNow() }
                : import with { CancelRequested = true };
            try
            {
                await store.UpdateAsync(cancelled, found.ETag, ct);
                return TypedResults.Ok(ImportView.Of(cancelled));
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // The run wrote a checkpoint meanwhile: try again on its version.
            }
        }
    }

    private static async Task<Results<Ok<PagedList<RejectedRow>>, NotFound>> Rejections(
        string id, string? continuationToken, int? pageSize, ImportStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is null ? TypedResults.NotFound()
            : TypedResults.Ok(await store.RejectionsAsync(id, continuationToken, Paging.Size(pageSize), ct));

    private static bool IsSourceId(string? id) => id is { Length: > 0 and <= 40 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} uploaded for source {SourceId}: {Bytes} bytes")]
    private static partial void LogUploaded(ILogger logger, string importId, string sourceId, long bytes);
}
