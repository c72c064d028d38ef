using Beratungspass.Infrastructure;
using Npgsql;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>
/// How many events, streams and pass documents a database holds, to show that a refused request wrote nothing.
/// Marten's tombstone stream is left out: after a rolled-back append it records only that sequence numbers were skipped.
/// </summary>
public sealed record StoredRows(long Events, long Streams, long Cards, long Pins)
{
    public static async Task<StoredRows> CountAsync(string connectionString)
    {
        const string schema = MartenConfiguration.SchemaName;
        var counts = await Sql.RowAsync(connectionString,
            $"SELECT (SELECT count(*) FROM {schema}.mt_events WHERE stream_id <> 'mt_tombstone'), " +
            $"(SELECT count(*) FROM {schema}.mt_streams WHERE id <> 'mt_tombstone'), " +
            $"(SELECT count(*) FROM {schema}.mt_doc_passcard), (SELECT count(*) FROM {schema}.mt_doc_passpin)");
        return new StoredRows((long)counts[0], (long)counts[1], (long)counts[2], (long)counts[3]);
    }
}

/// <summary>Plain SQL against a test database, for looking at what Marten actually stored.</summary>
public static class Sql
{
    public static async Task<object[]> RowAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        if (!await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            throw new InvalidOperationException($"No row from: {sql}");
        }

        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }

    /// <summary>The first column of every row, as text.</summary>
    public static async Task<List<string>> TextsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var texts = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>The events of one pass stream as Marten stored them, by stored type name (e.g. history_viewed).</summary>
public static class StoredEvents
{
    public static async Task<long> CountAsync(string connectionString, string passId, string type) =>
        (long)(await Sql.RowAsync(connectionString,
            $"SELECT count(*) FROM {MartenConfiguration.SchemaName}.mt_events WHERE stream_id = '{passId}' AND type = '{type}'"))[0];

    /// <summary>The JSON data of each such event, oldest first.</summary>
    public static Task<List<string>> DataAsync(string connectionString, string passId, string type) =>
        Sql.TextsAsync(connectionString,
            $"SELECT data::text FROM {MartenConfiguration.SchemaName}.mt_events WHERE stream_id = '{passId}' AND type = '{type}' ORDER BY version");
}
