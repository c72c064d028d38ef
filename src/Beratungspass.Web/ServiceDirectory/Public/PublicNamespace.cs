using System.Diagnostics.CodeAnalysis;

// The folder is the URL plan's "public" part of the directory; Razor names the pages' namespace after it, so the
// hand-written classes beside them share it. Nothing outside this app imports it (from Visual Basic or elsewhere).
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace",
    Target = "~N:Beratungspass.Web.ServiceDirectory.Public", Justification = "Named after its feature folder; app-internal.")]
