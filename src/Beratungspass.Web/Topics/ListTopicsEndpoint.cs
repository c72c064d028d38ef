using Beratungspass.Topics;

namespace Beratungspass.Web.Topics;

/// <summary>GET /api/v1/topics — the network's topic taxonomy with German and English labels.</summary>
public static class ListTopicsEndpoint
{
    public static void MapListTopics(this RouteGroupBuilder api) =>
        api.MapGet("/topics", () => TypedResults.Ok(Taxonomy.Topics))
            .WithName("ListTopics")
            .WithSummary("Topic taxonomy")
            .Produces<IReadOnlyList<Topic>>();
}
