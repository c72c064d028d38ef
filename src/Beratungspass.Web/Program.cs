using System.Text.Encodings.Web;
using System.Text.Unicode;
using Beratungspass.Web.Infrastructure;
using Microsoft.Extensions.WebEncoders;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Demo;
using Beratungspass.Web.Infrastructure.Health;
using Beratungspass.Web.Infrastructure.Layout;
using Beratungspass.Web.Infrastructure.LocalDatabase;
using Beratungspass.Web.Infrastructure.Problems;
using Beratungspass.Web.ServiceDirectory.Exporting;
using Beratungspass.Web.ServiceDirectory.Hsds;

var builder = WebApplication.CreateBuilder(args);
builder.UseLocalDatabaseWhenUnconfigured();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);

builder.Services.AddEventStore(builder.Configuration);
builder.Services.AddAuth(builder.Environment, builder.Configuration);
builder.Services.AddProblemResponses();
builder.Services.AddHealth();
builder.Services.AddApi();
builder.Services.AddRazorPages(pages => pages.RootDirectory = "/");
// Arabic, Cyrillic and Persian text goes out as UTF-8 characters, not as three times longer &#x…; references.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<Ui>();
builder.Services.AddHostedService<DemoData>();

var app = builder.Build();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    StatusCodeSelector = exception => ProblemResponses.KindOf(exception).Status,
    // Refusals, conflicts and outages are answers, not faults: only the unexpected is logged with its trace.
    SuppressDiagnosticsCallback = context => ProblemResponses.KindOf(context.Exception) != ProblemCatalog.Unexpected,
});
// Pages re-execute /error/{status}; at top level, because only there does re-execution route again (in a branch the
// error page was never found). API answers carry a problem document from the inner middleware, so they are left alone.
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hsds"), api => api.UseStatusCodePages());
app.UseSecurityHeaders();
app.UseStaticFiles();
// Routing after the status code pages, so their re-executed request (/error/404, /error/400 …) finds its page.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealth();
app.MapApi();
app.MapHsdsApi();
app.MapDirectoryExports();
app.MapRazorPages();
app.PrintBannerOnStart();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
