using Beratungspass.Accounts;
using Beratungspass.Administration;
using Beratungspass.ApiClients;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Passes.Pins;
using Beratungspass.Referrals;
using Beratungspass.Referrals.Notifying;
using Beratungspass.ServiceDirectory;
using Beratungspass.Tokens.KeyRing;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Npgsql;
using Weasel.Core;

namespace Beratungspass.Infrastructure;

/// <summary>The one place the event store, documents and every projection lifecycle are configured.</summary>
public static class MartenConfiguration
{
    public const string SchemaName = "beratungspass";

    public static void Configure(StoreOptions options, string connectionString)
    {
        options.Connection(WithPreparedStatements(connectionString));
        options.DatabaseSchemaName = SchemaName;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            json => json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));

        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.UseMandatoryStreamTypeDeclaration = true;
        options.Events.AddEventTypes([
            typeof(PassIssued), typeof(CardReissued), typeof(ConsentGranted), typeof(ConsentWithdrawn),
            typeof(ContactRecorded), typeof(HistoryViewed), typeof(ServiceHidden), typeof(ServiceShown),
            typeof(OrganizationCreated), typeof(OrganizationChanged), typeof(OrganizationRetired),
            typeof(ServiceCreated), typeof(ServiceChanged), typeof(ServiceRetired),
            typeof(ReferralRequested), typeof(PhoneCoordinationLogged), typeof(ReferralAccepted), typeof(ReferralRejected),
            typeof(ReferralStarted), typeof(ReferralCompleted), typeof(ReferralFailed), typeof(ReferralCancelled),
            typeof(ReferralResultSeen),
        ]);

        // Projections and their lifecycles: every one is registered here and nowhere else.
        options.Projections.Snapshot<Pass>(SnapshotLifecycle.Inline);
        options.Projections.Add<PassCardProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<PassHistoryProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<DirectoryOrganizationProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<DirectoryServiceProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<DirectoryRevisionProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<InstitutionProjection>(ProjectionLifecycle.Inline);
        // A referral has a handful of events: its decisions fold them live; lists read the inline card.
        options.Projections.LiveStreamAggregation<Referral>();
        options.Projections.Add<ReferralCardProjection>(ProjectionLifecycle.Inline);

        options.Schema.For<PassCard>().UniqueIndex(card => card.PassCode);
        options.Schema.For<PassPin>().UseOptimisticConcurrency(true);
        options.Schema.For<DirectoryService>().Index(s => s.OrganizationId);
        options.Schema.For<DirectoryService>().UniqueIndex(s => s.HsdsId);
        options.Schema.For<DirectoryOrganization>().UniqueIndex(o => o.HsdsId);
        // Inbox, outbox (with its unread count) and the pass history each find referrals by one of these.
        options.Schema.For<ReferralCard>().Index(r => r.ToInstitutionId).Index(r => r.FromInstitutionId).Index(r => r.PassId)
            .Metadata(m => m.LastModified.MapTo(r => r.StoredAt));
        // Notifications of referral events: listed and counted per institution; the mail outbox is claimed under its version.
        options.Schema.For<ReferralNotification>().Index(n => n.InstitutionId);
        options.Schema.For<NotificationMail>().UseOptimisticConcurrency(true).Index(m => m.Pending);
        // Administrators' edits carry the version they saw; a stale form is refused instead of overwriting.
        options.Schema.For<Account>().UseOptimisticConcurrency(true).Metadata(m => m.Version.MapTo(a => a.Version))
            .UniqueIndex(a => a.ExternalSubject!);
        options.Schema.For<ApiClient>();
        options.Schema.For<AdminChange>().Metadata(m => m.LastModified.MapTo(c => c.StoredAt));
        options.Schema.For<DataProtectionKey>();
    }

    /// <summary>
    /// Lets Npgsql prepare a statement once it ran twice on a connection, so PostgreSQL parses and plans
    /// Marten's stream lock, event append and document upserts once per connection instead of on every
    /// call. In the intake benchmarks (docs/benchmarks.md) this took about a third of PostgreSQL's CPU time
    /// off each history view and contact. A connection string that sets Max Auto Prepare keeps its value.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    /// <summary>Dates people see are in Kreis Unna's time zone.</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
}
