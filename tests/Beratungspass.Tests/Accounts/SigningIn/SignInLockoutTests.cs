using Beratungspass.Accounts;
using Beratungspass.Accounts.SigningIn;
using NodaTime;

namespace Beratungspass.Tests.Accounts.SigningIn;

public sealed class SignInLockoutTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static Account Account(int failures = 0, Instant? lockedUntil = null, bool disabled = false) => new()
    {
        Id = "berater.test",
        DisplayName = "Test",
        InstitutionId = "mbe-awo-unna",
        Pseudonym = "c-0000000000",
        PasswordHash = "",
        FailedSignIns = failures,
        LockedUntil = lockedUntil,
        Disabled = disabled,
    };

    [Fact]
    public void The_right_password_signs_in_and_clears_the_count()
    {
        var attempt = SignInLockout.Decide(Account(failures: 3), passwordCorrect: true, Now);

        Assert.Equal(new SignInAttempt(SignInOutcome.SignedIn, 0, null), attempt);
    }

    [Fact]
    public void The_fifth_wrong_password_in_a_row_locks_for_fifteen_minutes()
    {
        var fourth = SignInLockout.Decide(Account(failures: 3), passwordCorrect: false, Now);
        var fifth = SignInLockout.Decide(Account(failures: 4), passwordCorrect: false, Now);

        Assert.Equal(new SignInAttempt(SignInOutcome.Refused, 4, null), fourth);
        Assert.Equal(new SignInAttempt(SignInOutcome.Locked, 5, Now + Duration.FromMinutes(15)), fifth);
    }

    [Fact]
    public void While_locked_even_the_right_password_is_refused_and_the_lock_is_not_extended()
    {
        var until = Now + Duration.FromMinutes(1);

        var attempt = SignInLockout.Decide(Account(failures: 5, lockedUntil: until), passwordCorrect: true, Now);

        Assert.Equal(new SignInAttempt(SignInOutcome.Locked, 5, until), attempt);
    }

    [Fact]
    public void After_the_lock_runs_out_the_right_password_signs_in_and_a_wrong_one_starts_a_new_count()
    {
        var expired = Account(failures: 5, lockedUntil: Now);

        Assert.Equal(SignInOutcome.SignedIn, SignInLockout.Decide(expired, passwordCorrect: true, Now).Outcome);
        Assert.Equal(new SignInAttempt(SignInOutcome.Refused, 1, null), SignInLockout.Decide(expired, passwordCorrect: false, Now));
    }

    [Fact]
    public void A_disabled_account_is_refused_with_the_right_password_and_counts_nothing()
    {
        var attempt = SignInLockout.Decide(Account(failures: 2, disabled: true), passwordCorrect: true, Now);

        Assert.Equal(new SignInAttempt(SignInOutcome.Refused, 2, null), attempt);
    }
}
