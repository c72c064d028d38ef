using Beratungspass.Web.Passes.Issuing;
using Beratungspass.Web.Passes.Printing;
using Beratungspass.Web.Passes.Reissuing;
using Beratungspass.Web.Passes.Viewing;
using Beratungspass.Web.Tokens.Resolving;
using Beratungspass.Web.Infrastructure.Problems;
using Beratungspass.Web.Intake.ConfirmingPresence;
using Beratungspass.Web.Intake.Consenting;
using Beratungspass.Web.Intake.Recording;
using Beratungspass.Web.Intake.ShowingHistory;
using Beratungspass.Web.Referrals.Answering;
using Beratungspass.Web.Referrals.Inbox;
using Beratungspass.Web.Referrals.Notifying;
using Beratungspass.Web.Referrals.Outbox;
using Beratungspass.Web.Referrals.Requesting;
using Beratungspass.Web.Referrals.Viewing;
using Beratungspass.Web.Topics;
using NodaTime.Serialization.SystemTextJson;
using Scalar.AspNetCore;

namespace Beratungspass.Web.Infrastructure;

/// <summary>API v1 for institutions' own systems, described by OpenAPI at /openapi/v1.json and browsable at /api/docs.</summary>
public static class Api
{
    /// <summary>Bodies of API requests larger than this are refused with 413 before they are read.</summary>
    public const long MaximumBodyBytes = 64 * 1024;

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Beratungspass API";
            document.Info.Version = "v1";
            document.Info.Description = "Passes, cards and tokens of the Beratungspass network in Kreis Unna. " +
                "Errors are RFC 9457 problem documents in German, or English with Accept-Language: en.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(json =>
        {
            // Names only: a number would bind to any value of an enum, defined or not, and land in an event.
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            json.SerializerOptions.ConfigureForNodaTime(NodaTime.DateTimeZoneProviders.Tzdb);
            json.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
        return services;
    }

    public static void MapApi(this WebApplication app)
    {
        // The size limit as metadata makes Kestrel enforce it while reading, also for bodies sent without Content-Length.
        // Every v1 endpoint is counselling work: counsellors signed in, or their institution's API clients.
        var v1 = app.MapGroup("/api/v1").WithTags("v1").DisableAntiforgery()
            .RequireAuthorization(Auth.AuthSetup.CounsellingApi)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaximumBodyBytes));
        v1.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            if (request.ContentLength > MaximumBodyBytes)
            {
                return context.HttpContext.Problem(ProblemCatalog.RequestTooLarge);
            }

            if (HttpMethods.IsPost(request.Method) && request.ContentLength > 0 && !request.HasJsonContentType())
            {
                return context.HttpContext.Problem(ProblemCatalog.UnsupportedMediaType);
            }

            return await next(context);
        });
        v1.MapIssuePass();
        v1.MapGetPass();
        v1.MapReissueCard();
        v1.MapQrImages();
        v1.MapResolveToken();
        v1.MapConfirmPresence();
        v1.MapGrantConsent();
        v1.MapWithdrawConsent();
        v1.MapShowHistory();
        v1.MapRecordContact();
        v1.MapListTopics();
        v1.MapRequestReferral();
        v1.MapGetReferral();
        v1.MapAnswerReferral();
        v1.MapListInbox();
        v1.MapListOutbox();
        v1.MapMarkResultSeen();
        v1.MapReferralNotifications();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("Beratungspass API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
    }
}
