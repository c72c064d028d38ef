using Beratungspass.Passes;

namespace Beratungspass.Web.Passes;

/// <summary>What the API tells about a pass: never the pass id, never anything about the person but language and age band.</summary>
public sealed record PassResponse(string PassCode, int Generation, string PreferredLanguage, string? AgeBand, string IssuingInstitutionId, long Version, PassLinks Links)
{
    public static PassResponse From(PassCard card)
    {
        var code = Beratungspass.Passes.PassCode.Parse(card.PassCode).Code;
        return new PassResponse(code.Display, card.Generation, card.PreferredLanguage.Code(), card.AgeBand?.Code(), card.IssuingInstitutionId, card.Version, PassLinks.For(code));
    }
}

public sealed record PassLinks(string Self, string Card, string Sheet, string QrSvg, string QrPng)
{
    public static PassLinks For(PassCode code) => new(
        $"/api/v1/passes/{code.Value}",
        $"/passes/{code.Value}/card",
        $"/passes/{code.Value}/sheet",
        $"/api/v1/passes/{code.Value}/qr.svg",
        $"/api/v1/passes/{code.Value}/qr.png");
}
