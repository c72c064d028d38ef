using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Samples.Generator;

/// <summary>How generated passes reach the database.</summary>
public enum LoadMode
{
    /// <summary><c>session.Events.StartStream</c> for many passes per session; the inline projections run as in the app.</summary>
    Sessions,

    /// <summary>Marten's COPY-based <c>BulkInsertEventsAsync</c>, then the inline projections rebuilt by Marten's projection daemon.</summary>
    Copy,
}

/// <summary>
/// What to generate and where. Presets follow issue 8: <c>kreis</c> is Kreis Unna today, <c>large</c> a Kreis
/// many times over, with 10,000 and 50,000 referrals.
/// </summary>
public sealed record GeneratorOptions(
    string Preset,
    int Passes,
    int Contacts,
    int Referrals,
    int Seed,
    LocalDate? Today,
    string? Connection,
    string? DataDirectory,
    LoadMode Mode,
    int BatchSize,
    int Parallelism)
{
    public const int DefaultSeed = 2026;

    public static GeneratorOptions Kreis { get; } = new("kreis", 20_000, 150_000, 10_000, DefaultSeed, null, null, null, LoadMode.Sessions, 250, 3);

    public static GeneratorOptions Large { get; } = Kreis with { Preset = "large", Passes = 100_000, Contacts = 1_000_000, Referrals = 50_000 };

    public static string Usage => """
        Usage: dotnet run -c Release --project samples/Beratungspass.Samples.Generator -- [options]
          --preset kreis|large     kreis: 20,000 passes, 150,000 contacts (default); large: 100,000 passes, 1,000,000 contacts
            (kreis: 10,000 referrals, large: 50,000)
          --passes N --contacts N  other sizes (preset name becomes "custom"; referrals: a tenth of the passes)
          --referrals N            referrals of passes whose consent includes referrals (0: none)
          --seed N                 the same seed and --today give the same data (default 2026)
          --today YYYY-MM-DD       last day of the two generated years is the day before (default: today, Europe/Berlin)
          --connection CONN        load into this PostgreSQL database; needs DataProtection__KeyEncryptionKey set,
                                   the key-encryption key the app will run with
          --data-dir DIR           private cluster in DIR/postgres with its key in DIR/key-encryption-key, as the app's
                                   LocalDatabase:DataDirectory expects (default: a new folder under /tmp, printed)
          --mode sessions|copy     sessions: StartStream with inline projections (default);
                                   copy: COPY the events, then rebuild the projections
          --batch N                passes per session or COPY batch (default 250)
          --parallel N             sessions saving at once (default 3)
        """;

    /// <summary>Parses the command line; throws <see cref="FormatException"/> with a readable message.</summary>
    public static GeneratorOptions Parse(IReadOnlyList<string> args)
    {
        var options = Kreis;
        int? passes = null, contacts = null, referrals = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
            switch (name)
            {
                case "--preset":
                    options = value switch
                    {
                        "kreis" => options with { Preset = Kreis.Preset, Passes = Kreis.Passes, Contacts = Kreis.Contacts, Referrals = Kreis.Referrals },
                        "large" => options with { Preset = Large.Preset, Passes = Large.Passes, Contacts = Large.Contacts, Referrals = Large.Referrals },
                        _ => throw new FormatException($"--preset must be kreis or large, not '{value}'."),
                    };
                    break;
                case "--passes": passes = Number(name, value, 1, 10_000_000); break;
                case "--contacts": contacts = Number(name, value, 0, 100_000_000); break;
                case "--referrals": referrals = Number(name, value, 0, 10_000_000); break;
                case "--seed": options = options with { Seed = Number(name, value, 0, int.MaxValue) }; break;
                case "--today":
                    var parsed = LocalDatePattern.Iso.Parse(value);
                    options = parsed.Success ? options with { Today = parsed.Value } : throw new FormatException($"--today must be a date like 2026-11-25, not '{value}'.");
                    break;
                case "--connection": options = options with { Connection = value }; break;
                case "--data-dir": options = options with { DataDirectory = value }; break;
                case "--mode":
                    options = options with
                    {
                        Mode = value switch
                        {
                            "sessions" => LoadMode.Sessions,
                            "copy" => LoadMode.Copy,
                            _ => throw new FormatException($"--mode must be sessions or copy, not '{value}'."),
                        },
                    };
                    break;
                case "--batch": options = options with { BatchSize = Number(name, value, 1, 10_000) }; break;
                case "--parallel": options = options with { Parallelism = Number(name, value, 1, 32) }; break;
                default: throw new FormatException($"Unknown option {name}.");
            }
        }

        if (passes is not null || contacts is not null)
        {
            options = options with
            {
                Preset = "custom", Passes = passes ?? options.Passes, Contacts = contacts ?? options.Contacts, Referrals = (passes ?? options.Passes) / 10,
            };
        }

        if (referrals is not null)
        {
            options = options with { Referrals = referrals.Value };
        }

        return options.Connection is not null && options.DataDirectory is not null
            ? throw new FormatException("--connection and --data-dir exclude each other.")
            : options;
    }

    private static int Number(string name, string value, int minimum, int maximum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum
            ? number
            : throw new FormatException($"{name} must be a whole number from {minimum} to {maximum}, not '{value}'.");
}
