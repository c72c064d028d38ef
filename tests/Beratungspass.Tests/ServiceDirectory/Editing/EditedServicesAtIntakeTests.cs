using System.Net;
using Beratungspass.Accounts;
using Beratungspass.Institutions;
using Marten;

namespace Beratungspass.Tests.ServiceDirectory.Editing;

/// <summary>What counsellors notice of directory edits: a new service to record contacts for, a retired one that takes none.</summary>
public sealed class EditedServicesAtIntakeTests(EditedServicesAtIntakeTests.Host host) : IClassFixture<EditedServicesAtIntakeTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_service_appears_in_the_contact_form_takes_contacts_and_refuses_them_once_retired()
    {
        using var coordinator = await host.SignedInAsync("koordination.kim", "Demo-Koordination-2026");
        await EditForms.CreateOrganizationAsync(coordinator, "neue-stelle", "Neue Beratungsstelle Selm", "Selm");
        await EditForms.CreateServiceAsync(coordinator, "neue-stelle", "neue-stelle-beratung", "Sozialberatung Selm");
        await TestAccounts.CreateAsync(host, "berater.selm", Role.Counsellor, "neue-stelle");
        using var counsellor = await host.SignedInAsync("berater.selm", TestAccounts.Password);

        await using (var session = host.Store.QuerySession())
        {
            var institution = (await session.LoadAsync<Institution>("neue-stelle", Ct))!;
            Assert.Equal(("Neue Beratungsstelle Selm", "Selm"), (institution.Name, institution.Town));
            Assert.Equal("Sozialberatung Selm", Assert.Single(institution.Services).Name);
        }

        var pass = await PassesApi.IssueAsync(counsellor, pin: IntakeCalls.ClientPin);
        var intake = await Forms.PageAsync(counsellor, $"/intake/{pass.CodeValue}");
        using var consented = await Forms.PostAsync(counsellor, $"/intake/{pass.CodeValue}?handler=Consent", intake,
            ("scope", "whole-network"), ("purposes", "show-history"), ("purposes", "record-contacts"),
            ("validUntil", IntakeCalls.Iso(IntakeCalls.Today.PlusMonths(6))), ("pin", IntakeCalls.ClientPin));
        var page = await consented.Content.ReadAsStringAsync(Ct);
        Assert.True(consented.StatusCode == HttpStatusCode.OK, page[..Math.Min(page.Length, 300)]);
        Assert.Contains("Sozialberatung Selm", Forms.TextOf(page, "contact-service"), StringComparison.Ordinal);

        var presence = await IntakeCalls.PresenceTokenAsync(counsellor, pass);
        using var recorded = await IntakeCalls.RecordAsync(counsellor, pass, presence, "neue-stelle-beratung", ["work"]);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        var service = await Forms.PageAsync(coordinator, "/directory/edit/services/neue-stelle-beratung");
        using var retired = await Forms.PostAsync(coordinator, "/directory/edit/services/neue-stelle-beratung?handler=Retire", service,
            ("Version", Forms.ValueOf(service, "Version")));
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);

        using var refused = await IntakeCalls.RecordAsync(counsellor, pass, presence, "neue-stelle-beratung", ["housing"]);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "service-not-yours");
        await using (var session = host.Store.QuerySession())
        {
            Assert.True(Assert.Single((await session.LoadAsync<Institution>("neue-stelle", Ct))!.Services).Retired);
        }
    }
}
