namespace KamFlows.App.Tests.Infrastructure;

internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KamFlows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KamFlows.sln not found above " + AppContext.BaseDirectory);
    }
}
