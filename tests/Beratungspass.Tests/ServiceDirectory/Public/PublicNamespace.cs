using System.Diagnostics.CodeAnalysis;

// The tests mirror the app's feature folder ServiceDirectory/Public (see the app's PublicNamespace.cs).
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace",
    Target = "~N:Beratungspass.Tests.ServiceDirectory.Public", Justification = "Named after its feature folder; test-internal.")]
