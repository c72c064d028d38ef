namespace Beratungspass.Samples.Generator;

/// <summary>
/// Seeded randomness. Every pass draws from its own generator, seeded from the run's seed, the pass's
/// number and a purpose, so a pass comes out the same however the passes are batched or loaded in parallel.
/// </summary>
internal static class Seeds
{
    public const int Plan = 1;
    public const int Identity = 2;
    public const int Story = 3;
    public const int Directory = 4;
    public const int Referrals = 5;

    public static Random For(int seed, int index, int purpose) => new((int)(Mix(seed, index, purpose) & int.MaxValue));

    /// <summary>
    /// 128 bits that differ for every pass of a seed. <see cref="Random"/> takes only 31 bits of seed, so
    /// among 100,000 passes two would share a generator about twice; ids must never collide, so they come
    /// straight from the mix, which is one-to-one for a given seed and purpose.
    /// </summary>
    public static string Unique128(int seed, int index) =>
        Convert.ToHexStringLower(BitConverter.GetBytes(Mix(seed, index, Identity))) + Convert.ToHexStringLower(BitConverter.GetBytes(Mix(seed, index, Identity + 16)));

    // SplitMix64's finaliser, a bijection: neighbouring passes get unrelated values.
    private static ulong Mix(int seed, int index, int purpose)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + (ulong)purpose * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}

/// <summary>Draws items in proportion to their weights.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> weighted)
    {
        var list = weighted.Where(w => w.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Nothing to draw from.", nameof(weighted));
        }

        items = [.. list.Select(w => w.Item)];
        cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            cumulative[i] = sum;
        }
    }

    public T Next(Random random)
    {
        var at = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return items[Math.Min(at < 0 ? ~at : at, items.Length - 1)];
    }

    /// <summary>Up to <paramref name="count"/> different items, each drawn in proportion to its weight among those left.</summary>
    public static List<T> Distinct(IReadOnlyList<(T Item, double Weight)> weighted, int count, Random random)
    {
        var left = weighted.Where(w => w.Weight > 0).ToList();
        var drawn = new List<T>(count);
        while (drawn.Count < count && left.Count > 0)
        {
            var total = left.Sum(w => w.Weight);
            var point = random.NextDouble() * total;
            var i = 0;
            for (; i < left.Count - 1 && point >= left[i].Weight; i++)
            {
                point -= left[i].Weight;
            }

            drawn.Add(left[i].Item);
            left.RemoveAt(i);
        }

        return drawn;
    }
}

internal static class RandomExtensions
{
    /// <summary>A log-normal draw (Box–Muller): most values near 1, a long tail upwards.</summary>
    public static double NextLogNormal(this Random random, double sigma)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Exp(sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    public static string NextHex(this Random random, int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
