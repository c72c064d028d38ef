using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beratungspass.Passes.Pins;
using NodaTime;
using NodaTime.Text;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;

namespace Beratungspass.Tests.Intake.ConfirmingPresence;

/// <summary>Five wrong PINs in a row lock a pass for 15 minutes, on every device; only a new card with a new PIN lifts the lock early.</summary>
public sealed class PinLockoutTests(PinLockoutTests.Host host) : IClassFixture<PinLockoutTests.Host>
{
    public sealed class Host(TestPostgres postgres) : ClockedAppHost(postgres);

    private const string WrongPin = "8352";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> AttemptsLeftAfterWrongPinAsync(HttpResponseMessage answer)
    {
        var problem = await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Forbidden, "pin-wrong");
        return problem.GetProperty("attemptsLeft").GetInt32();
    }

    private static async Task<Instant> LockedUntilAsync(HttpResponseMessage answer)
    {
        var problem = await ProblemAssert.IsProblemAsync(answer, (HttpStatusCode)423, "pin-locked");
        return InstantPattern.ExtendedIso.Parse(problem.GetProperty("lockedUntil").GetString()!).Value;
    }

    private static async Task<Instant> LockAsync(HttpClient client, IssuedPass pass)
    {
        for (var i = 0; i < PinChecks.MaximumAttempts - 1; i++)
        {
            using var wrong = await PresenceAsync(client, pass, WrongPin);
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        }

        using var fifth = await PresenceAsync(client, pass, WrongPin);
        return await LockedUntilAsync(fifth);
    }

    private async Task<PassPin> StoredPinAsync(IssuedPass pass)
    {
        var card = await PassesApi.CardAsync(host.Store, pass.PassCode);
        await using var session = host.Store.QuerySession();
        return (await session.LoadAsync<PassPin>(card.Id, Ct))!;
    }

    [Fact]
    public async Task Each_of_four_wrong_PINs_tells_how_many_attempts_are_left_and_the_right_PIN_still_works()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var left = new List<int>();

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await PresenceAsync(client, pass, WrongPin);
            left.Add(await AttemptsLeftAfterWrongPinAsync(wrong));
        }

        Assert.Equal([4, 3, 2, 1], left);
        Assert.NotEmpty(await PresenceTokenAsync(client, pass));
    }

    [Fact]
    public async Task The_fifth_wrong_PIN_locks_the_pass_for_15_minutes_in_which_even_the_right_PIN_is_refused_on_every_desk()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var pass = await PassesApi.IssueAsync(awo, pin: ClientPin);

        var lockedUntil = await LockAsync(awo, pass);

        // Shown to the second: the lock ends 15 minutes after the fifth wrong PIN.
        Assert.Equal((host.Clock.GetCurrentInstant() + PinChecks.LockDuration).ToUnixTimeSeconds(), lockedUntil.ToUnixTimeSeconds());
        using (var right = await PresenceAsync(awo, pass, ClientPin))
        {
            Assert.Equal(lockedUntil, await LockedUntilAsync(right));
        }

        using (var elsewhere = await PresenceAsync(jmd, pass, ClientPin))
        {
            await LockedUntilAsync(elsewhere);
        }

        host.Clock.Advance(PinChecks.LockDuration - Duration.FromSeconds(1));
        using (var almost = await PresenceAsync(awo, pass, ClientPin))
        {
            Assert.Equal(lockedUntil, await LockedUntilAsync(almost));
        }

        host.Clock.Advance(Duration.FromSeconds(1));
        Assert.NotEmpty(await PresenceTokenAsync(awo, pass));
    }

    [Fact]
    public async Task After_a_lock_has_run_out_the_count_starts_again_at_five()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        await LockAsync(client, pass);
        host.Clock.Advance(PinChecks.LockDuration);

        using var wrong = await PresenceAsync(client, pass, WrongPin);

        Assert.Equal(4, await AttemptsLeftAfterWrongPinAsync(wrong));
    }

    [Fact]
    public async Task While_locked_no_consent_can_be_given_or_withdrawn_and_nothing_is_stored()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var (consentId, _) = await ConsentAsync(client, pass);
        await LockAsync(client, pass);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var grant = await GrantAsync(client, pass, ClientPin);
        using var withdraw = await WithdrawAsync(client, pass, consentId, ClientPin);

        await LockedUntilAsync(grant);
        await LockedUntilAsync(withdraw);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task The_right_PIN_wipes_the_count_of_earlier_wrong_ones()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var left = new List<int>();

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                using var wrong = await PresenceAsync(client, pass, WrongPin);
                left.Add(await AttemptsLeftAfterWrongPinAsync(wrong));
            }

            await PresenceTokenAsync(client, pass);
        }

        Assert.Equal([4, 3, 2, 1, 4, 3, 2, 1], left);
        Assert.Equal(0, (await StoredPinAsync(pass)).FailedAttempts);
    }

    [Fact]
    public async Task Wrong_PINs_tried_at_once_are_each_counted()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PresenceAsync(client, pass, WrongPin)));
        var left = new List<int>();
        foreach (var answer in answers)
        {
            left.Add(await AttemptsLeftAfterWrongPinAsync(answer));
            answer.Dispose();
        }

        // None lost: four counted means the very next wrong PIN is the fifth.
        Assert.Equal([1, 2, 3, 4], left.Order());
        using var fifth = await PresenceAsync(client, pass, WrongPin);
        await LockedUntilAsync(fifth);
    }

    [Fact]
    public async Task Ten_wrong_PINs_at_once_lock_the_pass_after_exactly_five()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var pass = await PassesApi.IssueAsync(awo, pin: ClientPin);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => PresenceAsync(i % 2 == 0 ? awo : jmd, pass, WrongPin)));
        var left = new List<int>();
        var locked = 0;
        foreach (var answer in answers)
        {
            if (answer.StatusCode == HttpStatusCode.Forbidden)
            {
                left.Add(await AttemptsLeftAfterWrongPinAsync(answer));
            }
            else
            {
                await LockedUntilAsync(answer);
                locked++;
            }

            answer.Dispose();
        }

        Assert.Equal([1, 2, 3, 4], left.Order());
        Assert.Equal(6, locked);
        using var right = await PresenceAsync(awo, pass, ClientPin);
        await LockedUntilAsync(right);
    }

    [Fact]
    public async Task A_new_card_with_a_new_PIN_lifts_the_lock_and_only_the_new_PIN_works_from_then_on()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        await LockAsync(client, pass);

        using var reissued = await client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/card", new { newPin = "5830" }, Ct);

        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        Assert.Equal(2, (await reissued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("generation").GetInt32());
        using (var old = await PresenceAsync(client, pass, ClientPin))
        {
            Assert.Equal(4, await AttemptsLeftAfterWrongPinAsync(old));
        }

        Assert.NotEmpty(await PresenceTokenAsync(client, pass, "5830"));
    }

    [Fact]
    public async Task A_new_card_without_a_new_PIN_leaves_the_lock_in_place()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var lockedUntil = await LockAsync(client, pass);

        using var reissued = await client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/card", new { }, Ct);

        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        using var right = await PresenceAsync(client, pass, ClientPin);
        Assert.Equal(lockedUntil, await LockedUntilAsync(right));
    }

    [Fact]
    public async Task A_new_card_with_a_weak_new_PIN_is_refused_and_the_lock_and_old_PIN_stay()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        await LockAsync(client, pass);
        var before = await StoredRows.CountAsync(host.ConnectionString);
        var pinBefore = await StoredPinAsync(pass);

        using var refused = await client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/card", new { newPin = "1234" }, Ct);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "pin-too-weak");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        Assert.Equivalent(pinBefore, await StoredPinAsync(pass), strict: true);
        host.Clock.Advance(PinChecks.LockDuration);
        Assert.NotEmpty(await PresenceTokenAsync(client, pass, ClientPin));
    }
}
