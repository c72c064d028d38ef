using System.Text;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>A small RFC 4180 reader: fields separated by a given character, quoted fields with doubled quotes and line breaks, rows ended by CRLF.</summary>
public static class CsvReader
{
    public static List<List<string>> Read(string text, char separator)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.True(field.Length == 0, $"A quote inside an unquoted field at {i}.");
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n', $"A bare line break outside quotes at {i}.");
                field.Append(c);
            }
        }

        Assert.False(quoted, "The file ends inside a quoted field.");
        Assert.True(row.Count == 0 && field.Length == 0, "The last row does not end with CRLF.");
        return rows;
    }
}
