using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Beratungspass.Web.Infrastructure.Demo;

/// <summary>Prints where the app listens and, with demo data, how to sign in.</summary>
public static class StartupBanner
{
    public static void PrintBannerOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var lines = new List<string> { "", "  Beratungspass läuft / is running:" };
            lines.AddRange(addresses.Select(a => "    " + a.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)));
            if (app.Configuration.GetValue("DemoData:Load", false))
            {
                lines.Add("");
                lines.Add("  Demo-Anmeldungen / demo sign-ins (user / password / role):");
                lines.AddRange(DemoData.Accounts().Select(a => $"    {a.Id,-18} {a.Password,-24} {a.Role}"));
                lines.Add("  Demo-Pässe / demo passes: DEM2-KART-S, DEM3-KART-V (PIN 4711)");
            }

            lines.Add("  Beenden / stop: Ctrl+C");
            lines.Add("");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}
