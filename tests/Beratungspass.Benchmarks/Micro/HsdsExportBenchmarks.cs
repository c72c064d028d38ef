using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Beratungspass.ServiceDirectory;
using Beratungspass.ServiceDirectory.Hsds;
using Beratungspass.Web.Infrastructure.Demo;
using Beratungspass.Web.ServiceDirectory.Exporting;
using NodaTime;

namespace Beratungspass.Benchmarks.Micro;

/// <summary>The sample directory exported as HSDS JSON and as CSV, and the export read back by the import (reader and plan, no database).</summary>
[MemoryDiagnoser]
public class HsdsExportBenchmarks
{
    private readonly Instant now = Instant.FromUtc(2026, 3, 2, 9, 30);
    private DirectorySnapshot directory = null!;
    private List<DirectoryOrganization> organizations = null!;
    private List<DirectoryService> services = null!;
    private byte[] export = [];

    [GlobalSetup]
    public void Setup()
    {
        organizations = [];
        services = [];
        foreach (var sample in DemoDirectory.Load())
        {
            var organization = DirectoryOrganizationProjection.Create(
                DirectoryDecisions.CreateOrganization(false, sample.Id, null, sample.Details, "bench", now));
            organizations.Add(organization);
            services.AddRange(sample.Services.Select(s => DirectoryServiceProjection.Create(
                DirectoryDecisions.CreateService(organization, false, s.Id, null, s.Details, s.StaffContacts, "bench", now))));
        }

        directory = new DirectorySnapshot(Guid.NewGuid(), now, organizations, services);
        export = HsdsJson();
    }

    [Benchmark(Description = "HSDS JSON export (sample directory)")]
    public byte[] HsdsJson() => JsonSerializer.SerializeToUtf8Bytes(HsdsExport.Build(directory, now), Beratungspass.ServiceDirectory.Hsds.HsdsJson.Indented);

    [Benchmark(Description = "CSV export (sample directory)")]
    public byte[] Csv() => ServicesCsv.Write(directory);

    [Benchmark(Description = "HSDS import: read and plan its own export")]
    public ImportPlan Import() => HsdsImport.Plan(HsdsImportReader.Read(export), organizations, services, "bench", now);
}
