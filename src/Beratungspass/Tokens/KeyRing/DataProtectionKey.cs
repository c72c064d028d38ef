namespace Beratungspass.Tokens.KeyRing;

/// <summary>One Data Protection key as XML, encrypted with the key-encryption key from configuration.</summary>
public sealed class DataProtectionKey
{
    public required string Id { get; set; }

    public required string Xml { get; set; }
}
