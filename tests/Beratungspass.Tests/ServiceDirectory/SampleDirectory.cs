using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Demo;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory;

/// <summary>
/// The sample directory of <c>samples/demo/directory.json</c> as a snapshot in memory: each entry goes
/// through the directory's decisions and the projections' <c>Create</c> methods, as the demo loader stores it.
/// </summary>
public static class SampleDirectory
{
    public static readonly Instant LoadedAt = Instant.FromUtc(2026, 1, 5, 8, 0);

    /// <param name="change">Changes a service or organization before the snapshot is built, e.g. retires it.</param>
    public static DirectorySnapshot Snapshot(Action<List<DirectoryOrganization>, List<DirectoryService>>? change = null)
    {
        var organizations = new List<DirectoryOrganization>();
        var services = new List<DirectoryService>();
        foreach (var sample in DemoDirectory.Load())
        {
            var organization = DirectoryOrganizationProjection.Create(
                DirectoryDecisions.CreateOrganization(false, sample.Id, null, sample.Details, DemoData.DemoAuthor, LoadedAt));
            organizations.Add(organization);
            services.AddRange(sample.Services.Select(s => DirectoryServiceProjection.Create(
                DirectoryDecisions.CreateService(organization, false, s.Id, null, s.Details, s.StaffContacts, DemoData.DemoAuthor, LoadedAt))));
        }

        change?.Invoke(organizations, services);
        return new DirectorySnapshot(Guid.NewGuid(), LoadedAt, organizations, services);
    }
}
