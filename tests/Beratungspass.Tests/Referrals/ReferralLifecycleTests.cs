using Beratungspass.Infrastructure;
using Beratungspass.Referrals;
using CsCheck;
using NodaTime;

namespace Beratungspass.Tests.Referrals;

/// <summary>The referral state machine under random command sequences, and its rules one by one.</summary>
public sealed class ReferralLifecycleTests
{
    private const string Referrer = "mbe-awo-unna";
    private const string Receiver = "jmd-caritas-luenen";
    private const string Stranger = "psz-unna";
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static Referral Requested() => Referral.Create(new ReferralRequested(
        "0123456789abcdef0123456789abcdef", "pass-1", "DEM2KARTS", Referrer, "mbe-awo-unna", Receiver, "jmd-caritas-luenen", ["education"],
        new PhoneCoordination("Frau Beispiel", null, Start, CoordinationResult.Agreed, null), null, null,
        new ConfidentialityRelease("2026-1", Beratungspass.Passes.ClientLanguage.Ar, Beratungspass.Passes.ClientPresence.Pin), "c-1", Start));

    private static readonly Gen<ReferralOutcome> Outcomes = Gen.Enum<ReferralOutcome>();

    private static readonly Gen<ReferralCommand> Commands = Gen.Select(Gen.OneOf(Referrer, Receiver, Stranger), Outcomes, Gen.Int[0, 7])
        .Select(t => t.Item3 switch
        {
            0 => (ReferralCommand)new AcceptReferral(t.Item1, "c"),
            1 => new RejectReferral(t.Item1, "c", t.Item2, null),
            2 => new StartReferral(t.Item1, "c"),
            3 => new CompleteReferral(t.Item1, "c", t.Item2, null),
            4 => new FailReferral(t.Item1, "c", t.Item2, null),
            5 => new CancelReferral(t.Item1, "c", t.Item2, null),
            _ => new LogCoordination(t.Item1, "c", new PhoneCoordination("Herr Muster", null, Start, CoordinationResult.NotReached, null)),
        });

    /// <summary>Plays the commands; refused ones change nothing. Returns the states passed through.</summary>
    private static List<ReferralStatus> Play(Referral referral, IEnumerable<ReferralCommand> commands)
    {
        var seen = new List<ReferralStatus> { referral.Status };
        var now = Start;
        foreach (var command in commands)
        {
            now = now.Plus(Duration.FromHours(5));
            var before = (referral.Status, referral.Outcome, referral.Coordinations);
            object e;
            try
            {
                e = ReferralLifecycle.Decide(referral, command, now);
            }
            catch (CommandRejectedException)
            {
                Assert.Equal(before, (referral.Status, referral.Outcome, referral.Coordinations));
                continue;
            }

            Apply(referral, e);
            seen.Add(referral.Status);
        }

        return seen;
    }

    private static void Apply(Referral referral, object e)
    {
        switch (e)
        {
            case ReferralAccepted a: referral.Apply(a); break;
            case ReferralRejected r: referral.Apply(r); break;
            case ReferralStarted s: referral.Apply(s); break;
            case ReferralCompleted c: referral.Apply(c); break;
            case ReferralFailed f: referral.Apply(f); break;
            case ReferralCancelled c: referral.Apply(c); break;
            case PhoneCoordinationLogged l: referral.Apply(l); break;
            case ReferralResultSeen r: referral.Apply(r); break;
            default: throw new InvalidOperationException(e.GetType().Name);
        }
    }

    private static readonly Dictionary<ReferralStatus, ReferralStatus[]> Allowed = new()
    {
        [ReferralStatus.Requested] = [ReferralStatus.Requested, ReferralStatus.Accepted, ReferralStatus.Rejected, ReferralStatus.Cancelled],
        [ReferralStatus.Accepted] = [ReferralStatus.Accepted, ReferralStatus.InProgress, ReferralStatus.Completed, ReferralStatus.Failed, ReferralStatus.Cancelled],
        [ReferralStatus.InProgress] = [ReferralStatus.InProgress, ReferralStatus.Completed, ReferralStatus.Failed, ReferralStatus.Cancelled],
        [ReferralStatus.Rejected] = [ReferralStatus.Rejected],
        [ReferralStatus.Cancelled] = [ReferralStatus.Cancelled],
        [ReferralStatus.Completed] = [ReferralStatus.Completed],
        [ReferralStatus.Failed] = [ReferralStatus.Failed],
    };

    [Fact]
    public void Random_command_sequences_only_take_FHIR_Task_transitions_and_every_closed_referral_has_an_outcome()
    {
        Commands.Array[0, 30].Sample(commands =>
        {
            var referral = Requested();
            var seen = Play(referral, commands);
            for (var i = 1; i < seen.Count; i++)
            {
                Assert.Contains(seen[i], Allowed[seen[i - 1]]);
            }

            Assert.Equal(referral.IsClosed, referral.Outcome is not null);
            Assert.Equal(referral.IsClosed, referral.ClosedAt is not null);
            Assert.True(referral.Status != ReferralStatus.Completed || referral.AnsweredAt is not null, "completed without having been accepted");
            Assert.True(referral.Status != ReferralStatus.Failed || referral.Outcome != ReferralOutcome.CounsellingTookPlace);
        }, iter: 5_000);
    }

    [Fact]
    public void A_stranger_institution_can_take_no_step()
    {
        Commands.Where(c => c.InstitutionId == Stranger).Sample(command =>
        {
            var rejected = Assert.Throws<CommandRejectedException>(() => ReferralLifecycle.Decide(Requested(), command, Start));
            Assert.Equal(Rejection.ReferralNotYours, rejected.Reason);
        });
    }

    [Fact]
    public void A_closed_referral_takes_no_command_and_keeps_its_outcome()
    {
        var referral = Requested();
        Play(referral, [new AcceptReferral(Receiver, "c"), new CompleteReferral(Receiver, "c", ReferralOutcome.CounsellingTookPlace, null)]);

        Commands.Sample(command =>
        {
            var rejected = Assert.Throws<CommandRejectedException>(() => ReferralLifecycle.Decide(referral, command, Start));
            Assert.Equal(Rejection.ReferralClosed, rejected.Reason);
        });
        Assert.Equal((ReferralStatus.Completed, ReferralOutcome.CounsellingTookPlace), (referral.Status, referral.Outcome));
    }

    [Fact]
    public void Completed_cannot_go_back_to_accepted()
    {
        var referral = Requested();
        Play(referral, [new AcceptReferral(Receiver, "c"), new CompleteReferral(Receiver, "c", ReferralOutcome.ClientDidNotCome, null)]);

        var rejected = Assert.Throws<CommandRejectedException>(() => ReferralLifecycle.Decide(referral, new AcceptReferral(Receiver, "c"), Start));

        Assert.Equal(Rejection.ReferralClosed, rejected.Reason);
    }

    [Theory]
    [InlineData(ReferralOutcome.CounsellingTookPlace)]
    [InlineData(ReferralOutcome.ClientDidNotCome)]
    [InlineData(ReferralOutcome.ClientDeclined)]
    public void Rejecting_needs_a_reason_of_the_receiving_side(ReferralOutcome reason)
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            ReferralLifecycle.Decide(Requested(), new RejectReferral(Receiver, "c", reason, null), Start));

        Assert.Equal(Rejection.ReferralOutcomeInvalid, rejected.Reason);
    }

    [Fact]
    public void Only_the_receiver_answers_and_only_the_referrer_cancels()
    {
        Assert.Equal(Rejection.ReferralNotYours, Assert.Throws<CommandRejectedException>(() =>
            ReferralLifecycle.Decide(Requested(), new AcceptReferral(Referrer, "c"), Start)).Reason);
        Assert.Equal(Rejection.ReferralNotYours, Assert.Throws<CommandRejectedException>(() =>
            ReferralLifecycle.Decide(Requested(), new CancelReferral(Receiver, "c", ReferralOutcome.ClientDeclined, null), Start)).Reason);

        var cancelled = Assert.IsType<ReferralCancelled>(ReferralLifecycle.Decide(Requested(), new CancelReferral(Referrer, "c2", ReferralOutcome.ClientDeclined, null), Start));
        Assert.Equal(("c2", ReferralOutcome.ClientDeclined), (cancelled.CancelledBy, cancelled.Reason));
    }

    [Fact]
    public void Completing_a_requested_referral_needs_the_answer_first()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            ReferralLifecycle.Decide(Requested(), new CompleteReferral(Receiver, "c", ReferralOutcome.CounsellingTookPlace, null), Start));

        Assert.Equal(Rejection.ReferralTransitionInvalid, rejected.Reason);
    }

    [Fact]
    public void A_note_longer_than_1000_characters_is_refused()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            ReferralLifecycle.Decide(Requested(), new RejectReferral(Receiver, "c", ReferralOutcome.NoCapacity, new string('x', 1001)), Start));

        Assert.Equal(Rejection.ReferralNoteTooLong, rejected.Reason);
    }

    [Fact]
    public void Every_step_of_the_receiving_side_is_a_result_the_referrer_has_not_seen_until_it_marks_it_seen()
    {
        Commands.Array[0, 30].Sample(commands =>
        {
            var referral = Requested();
            foreach (var command in commands)
            {
                object e;
                try
                {
                    e = ReferralLifecycle.Decide(referral, command, Start);
                }
                catch (CommandRejectedException)
                {
                    continue;
                }

                Apply(referral, e);
                Assert.True(!(command.InstitutionId == Receiver) || referral.ResultUnseen, $"{command.GetType().Name} left no unseen result");
                if (referral.ResultUnseen)
                {
                    var seen = ReferralLifecycle.MarkResultSeen(referral, Referrer, "c", Start);
                    Assert.Equal((referral.Status, referral.Outcome), (seen!.Status, seen.Outcome));
                    Apply(referral, seen);
                    Assert.Null(ReferralLifecycle.MarkResultSeen(referral, Referrer, "c", Start));
                }
            }
        }, iter: 1_000);
    }

    [Fact]
    public void Only_the_referring_institution_marks_results_seen_and_only_a_seen_mark_keeps_an_answer_form_valid()
    {
        var referral = Requested();
        Apply(referral, ReferralLifecycle.Decide(referral, new AcceptReferral(Receiver, "c"), Start));

        Assert.Equal(Rejection.ReferralNotYours, Assert.Throws<CommandRejectedException>(() => ReferralLifecycle.MarkResultSeen(referral, Receiver, "c", Start)).Reason);
        Assert.Equal(Rejection.ReferralNotYours, Assert.Throws<CommandRejectedException>(() => ReferralLifecycle.MarkResultSeen(referral, Stranger, "c", Start)).Reason);
        var seen = ReferralLifecycle.MarkResultSeen(referral, Referrer, "c", Start)!;
        Assert.True(ReferralLifecycle.StillValid([seen, seen]));
        Assert.False(ReferralLifecycle.StillValid([seen, new ReferralStarted(referral.ReferralId, referral.PassId, "c", Start)]));
    }
}
