namespace Beratungspass.ServiceDirectory;

/// <summary>
/// Organizations and services are streams of their own. Their keys carry a prefix, because an organization
/// and one of its services may share a slug (the JMD and its main office) and stream keys are one namespace.
/// </summary>
public static class DirectoryStreams
{
    public const string OrganizationPrefix = "organization:";
    public const string ServicePrefix = "service:";

    public static string Organization(string organizationId) => OrganizationPrefix + organizationId;

    public static string Service(string serviceId) => ServicePrefix + serviceId;
}
