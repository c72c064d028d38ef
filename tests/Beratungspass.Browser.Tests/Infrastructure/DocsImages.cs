namespace Beratungspass.Browser.Tests.Infrastructure;

/// <summary>
/// Where the browser tests save their screenshots. Normally a folder under the test output, so a test
/// run leaves the work tree clean; with <c>BERATUNGSPASS_UPDATE_DOCS_IMAGES=1</c> it is the repository's
/// <c>docs/images</c>, to refresh the pictures the documentation shows.
/// </summary>
public static class DocsImages
{
    public static bool UpdatesDocs => Environment.GetEnvironmentVariable("BERATUNGSPASS_UPDATE_DOCS_IMAGES") == "1";

    public static string PathOf(string fileName)
    {
        var folder = UpdatesDocs
            ? Path.Combine(RepositoryRoot(), "docs", "images")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
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
