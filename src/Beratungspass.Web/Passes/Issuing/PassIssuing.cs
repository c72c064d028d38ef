using Beratungspass.Passes;
using Beratungspass.Passes.Issuing;
using Beratungspass.Passes.Pins;
using Marten;
using NodaTime;
using Npgsql;

namespace Beratungspass.Web.Passes.Issuing;

/// <summary>Issues a pass: draws its random id and code, appends <see cref="PassIssued"/> and stores the PIN hash, in one transaction.</summary>
public sealed class PassIssuing(IDocumentStore store, IClock clock, PinVault pins)
{
    /// <summary>Draws a new random pass code; replaceable so tests can force a collision.</summary>
    internal Func<PassCode> DrawCode { get; init; } = PassCode.New;

    public async Task<PassCard> IssueAsync(
        string institutionId, string issuedBy, ClientLanguage language, AgeBand? ageBand, string pin,
        CancellationToken cancellation, PassCode? code = null)
    {
        var pinHash = pins.Seal(pin);

        // A new code collides with an existing one about once in 10⁹ issues at Kreis size; then draw again.
        for (var attempt = 1; ; attempt++)
        {
            var command = new IssuePass(PassId.New(), code ?? DrawCode(), institutionId, language, ageBand, issuedBy);
            var issued = IssuePassDecision.Decide(command, clock.GetCurrentInstant());
            await using var session = store.LightweightSession();
            session.Events.StartStream<Pass>(command.PassId, issued);
            session.Insert(new PassPin { Id = command.PassId, Hash = pinHash });
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            // Marten reports the violated unique index on the pass code as DocumentAlreadyExistsException, not MartenCommandException.
            catch (Exception e) when (code is null && attempt < 5 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                continue;
            }

            return (await session.LoadAsync<PassCard>(command.PassId, cancellation))!;
        }
    }
}
