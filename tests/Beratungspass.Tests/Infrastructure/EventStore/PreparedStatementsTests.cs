using Beratungspass.Infrastructure;
using Npgsql;

namespace Beratungspass.Tests.Infrastructure.EventStore;

public sealed class PreparedStatementsTests
{
    [Fact]
    public void Marten_connections_prepare_statements_that_run_repeatedly()
    {
        var configured = new NpgsqlConnectionStringBuilder(MartenConfiguration.WithPreparedStatements("Host=/tmp/db;Port=5432;Username=postgres;Database=bp"));

        Assert.Equal(64, configured.MaxAutoPrepare);
        Assert.Equal(2, configured.AutoPrepareMinUsages);
        Assert.Equal("bp", configured.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=bp;Max Auto Prepare=0")]
    [InlineData("Host=db;Database=bp;Max Auto Prepare=10")]
    public void A_connection_string_that_chooses_its_own_preparing_keeps_it(string connectionString)
    {
        Assert.Equal(connectionString, MartenConfiguration.WithPreparedStatements(connectionString));
    }
}
