namespace Beratungspass.Browser.Tests.Infrastructure;

/// <summary>docs/images of the repository: screenshots the browser tests take (and overwrite) for the documentation.</summary>
public static class DocsImages
{
    public static string PathOf(string fileName)
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "images");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Beratungspass.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Beratungspass.sln above {AppContext.BaseDirectory}.");
    }
}
