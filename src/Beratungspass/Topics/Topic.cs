namespace Beratungspass.Topics;

/// <summary>A counselling topic of the network's taxonomy. Sensitive topics are never shown to others without care.</summary>
public sealed record Topic(string Code, string German, string English, bool Sensitive = false);

/// <summary>The network's topic taxonomy: the codes a contact is recorded with.</summary>
public static class Taxonomy
{
    public static IReadOnlyList<Topic> Topics { get; } =
    [
        new("residence-law", "Aufenthaltsrecht", "Residence law"),
        new("asylum-procedure", "Asylverfahren", "Asylum procedure"),
        new("naturalisation", "Einbürgerung", "Naturalisation"),
        new("language-course", "Sprach- und Integrationskurs", "Language and integration course"),
        new("recognition", "Anerkennung von Abschlüssen", "Recognition of qualifications"),
        new("work", "Arbeit und Arbeitssuche", "Work and job search"),
        new("education", "Schule, Ausbildung, Studium", "School, training, study"),
        new("housing", "Wohnen", "Housing"),
        new("health", "Gesundheit", "Health"),
        new("family", "Familie und Kinder", "Family and children"),
        new("social-benefits", "Sozialleistungen", "Social benefits"),
        new("debts", "Schulden", "Debts"),
        new("psychosocial", "Psychosoziale Beratung", "Psychosocial counselling", Sensitive: true),
        new("violence-protection", "Gewaltschutz", "Violence protection", Sensitive: true),
        new("discrimination", "Diskriminierung", "Discrimination", Sensitive: true),
    ];

    private static readonly Dictionary<string, Topic> ByCode = Topics.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    public static Topic? Find(string code) => ByCode.GetValueOrDefault(code);
}
