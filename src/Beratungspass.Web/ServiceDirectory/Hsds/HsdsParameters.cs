using System.Globalization;
using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory.Hsds;
using Beratungspass.Web.Infrastructure.Problems;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Web.ServiceDirectory.Hsds;

/// <summary>
/// The query parameters of the HSDS API, read strictly. Anything that is not what the HSDS OpenAPI describes is a
/// 400 problem naming the parameter — except a <c>per_page</c> above <see cref="MaximumPerPage"/>, which is served
/// as <see cref="MaximumPerPage"/> (the envelope then counts pages of that size), because clients ask for "all at
/// once" that way. A page after the last is an empty page, not an error.
/// </summary>
public sealed class HsdsParameters(HttpRequest request)
{
    public const int DefaultPerPage = 50;
    public const int MaximumPerPage = 200;
    public const int MaximumSearchLength = 200;

    /// <summary>The first parameter that could not be read, if any.</summary>
    public string? Invalid { get; private set; }

    public string? Text(string name)
    {
        var value = Single(name);
        if (value is not null && value.Length > MaximumSearchLength)
        {
            Refuse(name);
            return null;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>A parameter with one supported value (HSDS's <c>format</c>: only json is served).</summary>
    public void Only(string name, string supported)
    {
        if (Single(name) is { Length: > 0 } value && value != supported)
        {
            Refuse(name);
        }
    }

    public bool Flag(string name)
    {
        switch (Single(name)?.ToLowerInvariant())
        {
            case null or "" or "false" or "0":
                return false;
            case "true" or "1":
                return true;
            default:
                Refuse(name);
                return false;
        }
    }

    public Guid? Id(string name)
    {
        var value = Single(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Guid.TryParseExact(value, "D", out var id))
        {
            return id;
        }

        Refuse(name);
        return null;
    }

    /// <summary>An ISO 8601 date-time with offset or Z; without one it is local time in Kreis Unna; a date alone is its start there.</summary>
    public Instant? Since(string name)
    {
        var value = Single(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (OffsetDateTimePattern.ExtendedIso.Parse(value) is { Success: true } offset)
        {
            return offset.Value.ToInstant();
        }

        if (InstantPattern.ExtendedIso.Parse(value) is { Success: true } instant)
        {
            return instant.Value;
        }

        if (LocalDateTimePattern.ExtendedIso.Parse(value) is { Success: true } local)
        {
            return local.Value.InZoneLeniently(MartenConfiguration.Zone).ToInstant();
        }

        if (LocalDatePattern.Iso.Parse(value) is { Success: true } date)
        {
            return date.Value.AtStartOfDayInZone(MartenConfiguration.Zone).ToInstant();
        }

        Refuse(name);
        return null;
    }

    /// <summary>The page asked for (from 1) and its size.</summary>
    public (int Page, int PerPage) Paging() =>
        (Positive("page", int.MaxValue) ?? 1, Positive("per_page", MaximumPerPage) ?? DefaultPerPage);

    /// <summary>One page of the items, in the HSDS <c>Page</c> envelope.</summary>
    public static HsdsPage<T> Page<T>(IReadOnlyList<T> items, (int Page, int PerPage) paging)
    {
        var (page, perPage) = paging;
        var totalPages = (items.Count + perPage - 1) / perPage;
        var contents = (long)(page - 1) * perPage >= items.Count ? [] : items.Skip((page - 1) * perPage).Take(perPage).ToList();
        return new HsdsPage<T>(items.Count, totalPages, page, contents.Count, page == 1, page >= totalPages, contents.Count == 0, contents);
    }

    public IResult Problem(HttpContext context)
    {
        var problem = ProblemResponses.Build(context, ProblemCatalog.HsdsQueryInvalid);
        problem.Extensions["parameter"] = Invalid;
        return TypedResults.Problem(problem);
    }

    /// <summary>A whole number from 1; above <paramref name="maximum"/> it is the maximum, however many digits it has.</summary>
    private int? Positive(string name, int maximum)
    {
        var value = Single(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > 0 && value.All(char.IsAsciiDigit) && value.TrimStart('0').Length > 0)
        {
            var digits = value.TrimStart('0');
            if (digits.Length <= 9)
            {
                var number = int.Parse(digits, CultureInfo.InvariantCulture);
                return Math.Min(number, maximum);
            }

            if (maximum == MaximumPerPage)
            {
                return maximum;
            }
        }

        Refuse(name);
        return null;
    }

    private string? Single(string name)
    {
        var values = request.Query[name];
        if (values.Count > 1)
        {
            Refuse(name);
            return null;
        }

        return values.Count == 0 ? null : values[0];
    }

    private void Refuse(string name) => Invalid ??= name;
}
