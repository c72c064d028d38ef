using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Beratungspass.Tokens.KeyRing;

/// <summary>
/// Keeps the Data Protection key ring in PostgreSQL, so card tokens survive restarts and every app node
/// reads the same keys. Data Protection calls this synchronously and rarely (at start and on key-ring
/// refresh), so blocking on Marten's async API here costs nothing noticeable.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return [.. keys.OrderBy(k => k.Id, StringComparer.Ordinal).Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Insert(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
