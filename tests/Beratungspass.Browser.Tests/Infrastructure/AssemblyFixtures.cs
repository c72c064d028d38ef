// One private PostgreSQL cluster for the browser tests too; each test class gets its own database in it.
[assembly: AssemblyFixture(typeof(Beratungspass.Tests.Infrastructure.TestPostgres))]
