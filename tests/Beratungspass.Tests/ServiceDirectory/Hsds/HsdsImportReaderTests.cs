using System.Text;
using Beratungspass.ServiceDirectory.Hsds;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>The import's reader on its own: where it says a broken file is broken.</summary>
public sealed class HsdsImportReaderTests
{
    private static DirectoryErrorText Single(string json) => Single(Encoding.UTF8.GetBytes(json));

    private static DirectoryErrorText Single(byte[] bytes)
    {
        var errors = HsdsImportReader.Read(bytes).Errors;
        Assert.Single(errors);
        return new DirectoryErrorText(errors[0].Path, errors[0].German, errors[0].English);
    }

    public sealed record DirectoryErrorText(string Path, string German, string English);

    [Fact]
    public void Broken_JSON_is_named_by_line_and_byte_counted_from_one()
    {
        var error = Single("{\n  \"organizations\": [\n    {\"name\": }\n  ]\n}");

        Assert.Equal("$", error.Path);
        Assert.StartsWith("Kein gültiges JSON in Zeile 3, Byte 14:", error.German, StringComparison.Ordinal);
        Assert.StartsWith("Not valid JSON at line 3, byte 14:", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_is_named_by_line_and_byte_counted_from_one()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"x\": \"ab\"\n}");
        bytes[11] = 0xC3;

        var error = Single(bytes);

        Assert.Equal("$", error.Path);
        Assert.Equal("Die Datei ist kein gültiges UTF-8: ungültiges Byte in Zeile 2, Byte 10. Bitte als UTF-8 speichern.", error.German);
    }

    [Fact]
    public void A_byte_order_mark_is_allowed_and_an_empty_organization_list_is_a_valid_file()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. """{"organizations": []}"""u8.ToArray()];
        var file = HsdsImportReader.Read(bytes);

        Assert.Empty(file.Errors);
        Assert.Empty(file.Organizations);
    }

    [Fact]
    public void Entries_that_are_no_objects_keep_the_indices_of_the_others()
    {
        var file = HsdsImportReader.Read("""{"organizations": [42, {"id": "x"}]}"""u8.ToArray());

        Assert.Contains(file.Errors, e => e.Path == "$.organizations[0]" && e.English == "expected an object { … }");
        Assert.Contains(file.Errors, e => e.Path == "$.organizations[1].id" && e.Code == "uuid-invalid");
        Assert.Contains(file.Errors, e => e.Path == "$.organizations[1].name" && e.Code == "required");
    }

    [Fact]
    public void Odd_property_names_get_bracket_paths()
    {
        var file = HsdsImportReader.Read("""{"organizations": [], "a b": 1}"""u8.ToArray());

        Assert.Equal("$['a b']", Assert.Single(file.Errors).Path);
    }
}
