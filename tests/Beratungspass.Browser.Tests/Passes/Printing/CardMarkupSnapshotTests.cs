using System.Net;
using System.Text.RegularExpressions;
using Snapshooter.Xunit3;

namespace Beratungspass.Browser.Tests.Passes.Printing;

/// <summary>
/// The card's markup for the demo pass DEM2-KART-S (Arabic, AWO Unna), compared with the approved
/// snapshot in __snapshots__. The QR's modules differ on every render (each token is freshly encrypted),
/// so its path data is replaced by a placeholder; everything else must stay as approved. Character
/// references are decoded so the approved file shows the Arabic text a reviewer can read.
/// </summary>
public sealed partial class CardMarkupSnapshotTests(CardMarkupSnapshotTests.Host host) : IClassFixture<CardMarkupSnapshotTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    [Fact]
    public async Task The_demo_card_markup_matches_the_approved_snapshot()
    {
        using var client = await host.SignedInAsync();

        var html = await client.GetStringAsync("/passes/DEM2KARTS/card", TestContext.Current.CancellationToken);

        var card = Card().Match(html);
        Assert.True(card.Success, "The page has no card.");
        Snapshot.Match(WebUtility.HtmlDecode(QrPath().Replace(card.Value, "d=\"(QR modules)\"")));
    }

    [GeneratedRegex("<article class=\"card\".*?</article>", RegexOptions.Singleline)]
    private static partial Regex Card();

    [GeneratedRegex("d=\"M[^\"]*\"")]
    private static partial Regex QrPath();
}
