using Beratungspass.Infrastructure;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Beratungspass.Web.Infrastructure.Problems;

/// <summary>Writes RFC 9457 problem documents in German, or in English when the client prefers it.</summary>
public static class ProblemResponses
{
    public static IResult Problem(this HttpContext context, ProblemKind kind) =>
        TypedResults.Problem(Build(context, kind));

    public static ProblemDetails Build(HttpContext context, ProblemKind kind)
    {
        var english = PrefersEnglish(context.Request);
        var problem = new ProblemDetails
        {
            Type = kind.Type,
            Status = kind.Status,
            Title = english ? kind.TitleEn : kind.TitleDe,
            Detail = english ? kind.DetailEn : kind.DetailDe,
            // After an exception the middleware has re-routed the request to the error page; name the path that was asked for.
            Instance = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path,
        };
        problem.Extensions["code"] = kind.Code;
        return problem;
    }

    public static bool PrefersEnglish(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        var preferred = languages.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("de", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return preferred?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }

    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Answers the framework produces itself (binding failures, 404, 405, 413 …) get our text and code too.
            if (context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                return;
            }

            var kind = ProblemCatalog.ForStatus(context.ProblemDetails.Status ?? 500);
            if (kind is not null)
            {
                var english = PrefersEnglish(context.HttpContext.Request);
                context.ProblemDetails.Type = kind.Type;
                context.ProblemDetails.Title = english ? kind.TitleEn : kind.TitleDe;
                context.ProblemDetails.Detail = english ? kind.DetailEn : kind.DetailDe;
                context.ProblemDetails.Extensions["code"] = kind.Code;
            }

            context.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>Turns refusals, stale writes, unreadable requests and database outages into problem documents; never a stack trace.</summary>
    private sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellation)
        {
            var kind = KindOf(exception);
            // The exception handler middleware logs unexpected errors with their trace; outages get a line of their own.
            if (kind == ProblemCatalog.DatabaseUnavailable)
            {
                logger.LogWarning("Database unavailable on {Method} {Endpoint}: {Error}", context.Request.Method, context.GetEndpoint()?.DisplayName, exception.GetType().Name);
            }

            context.Response.StatusCode = kind.Status;
            if (kind == ProblemCatalog.DatabaseUnavailable)
            {
                context.Response.Headers.RetryAfter = "5";
            }

            if (!IsApi(context.Request))
            {
                // Pages get the HTML error page, re-executed by the exception handler middleware.
                return false;
            }

            var problem = Build(context, kind);
            if (exception is CommandRejectedException { Detail: { } detail } rejected)
            {
                AddDetail(problem, rejected.Reason, detail);
            }

            if (exception is Beratungspass.ServiceDirectory.InvalidDirectoryEntryException invalid)
            {
                problem.Extensions["errors"] = invalid.Errors.Select(e => new { path = e.Path, code = e.Code, message = PrefersEnglish(context.Request) ? e.English : e.German }).ToList();
            }

            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = problem,
                Exception = exception,
            });
        }

        /// <summary>What the person needs beyond the catalogue text: attempts left before the lock, when the lock ends, which topic is unknown.</summary>
        private static void AddDetail(ProblemDetails problem, Rejection reason, string detail)
        {
            switch (reason)
            {
                case Rejection.PinWrong when int.TryParse(detail, System.Globalization.CultureInfo.InvariantCulture, out var attemptsLeft):
                    problem.Extensions["attemptsLeft"] = attemptsLeft;
                    break;
                case Rejection.PinLocked:
                    problem.Extensions["lockedUntil"] = detail;
                    break;
                case Rejection.TopicUnknown:
                    problem.Extensions["topic"] = detail;
                    break;
                case Rejection.CoordinationInvalid:
                    problem.Extensions["field"] = detail;
                    break;
                case Rejection.ReleaseTextOutdated:
                    problem.Extensions["currentTextVersion"] = Beratungspass.Referrals.Requesting.ReleaseTextVersion.Current;
                    break;
            }
        }

        private static bool IsApi(HttpRequest request)
        {
            var path = request.HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? request.Path;
            return path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/hsds", StringComparison.OrdinalIgnoreCase) || !request.GetTypedHeaders().Accept.Any(a => a.MediaType == "text/html");
        }
    }

    /// <summary>Which answer an exception gets; anything unforeseen is a 500 without details.</summary>
    public static ProblemKind KindOf(Exception exception) => exception switch
    {
        CommandRejectedException rejected => ProblemCatalog.For(rejected.Reason),
        ConcurrencyException => ProblemCatalog.ChangedMeanwhile,
        Beratungspass.ServiceDirectory.InvalidDirectoryEntryException => ProblemCatalog.DirectoryEntryInvalid,
        BadHttpRequestException { StatusCode: 413 } => ProblemCatalog.RequestTooLarge,
        BadHttpRequestException { StatusCode: 415 } => ProblemCatalog.UnsupportedMediaType,
        BadHttpRequestException => ProblemCatalog.RequestInvalid,
        _ when IsDatabaseOutage(exception) => ProblemCatalog.DatabaseUnavailable,
        _ => ProblemCatalog.Unexpected,
    };

    private static bool IsDatabaseOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException
                || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" })
            {
                return true;
            }
        }

        return false;
    }
}
