namespace Beratungspass.ServiceDirectory.Hsds;

/// <summary>
/// The property names HSDS 3.0 defines for each object (from the schema files of the specification), so the
/// import can tell a misspelt or foreign field ("unknown") from an HSDS field the directory does not keep
/// ("not supported": importing it would silently lose it).
/// </summary>
public static class HsdsProperties
{
    private const string Common = "attributes metadata";

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ByEntity { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["organization"] = Set("id name alternate_name description email website tax_status tax_id year_incorporated legal_status logo uri " +
            "parent_organization_id funding contacts phones locations programs organization_identifiers services " + Common),
        ["organization_identifier"] = Set("id organization_id identifier_scheme identifier_type identifier " + Common),
        ["location"] = Set("id location_type url organization_id name alternate_name description transportation latitude longitude " +
            "external_identifier external_identifier_type languages addresses contacts accessibility phones schedules " + Common),
        ["address"] = Set("id location_id attention address_1 address_2 city region state_province postal_code country address_type " + Common),
        ["accessibility"] = Set("id location_id description details url " + Common),
        ["phone"] = Set("id location_id service_id organization_id contact_id service_at_location_id number extension type description languages " + Common),
        ["language"] = Set("id service_id location_id phone_id name code note " + Common),
        ["service"] = Set("id organization_id program_id name alternate_name description url email status interpretation_services " +
            "application_process fees_description wait_time fees accreditations eligibility_description minimum_age maximum_age " +
            "assured_date assurer_email licenses alert last_modified phones schedules service_areas service_at_locations languages " +
            "organization funding cost_options program required_documents contacts " + Common),
        ["service_at_location"] = Set("id service_id location_id description contacts phones schedules location " + Common),
        ["schedule"] = Set("id service_id location_id service_at_location_id valid_from valid_to dtstart timezone until count wkst freq " +
            "interval byday byweekno bymonthday byyearday description opens_at closes_at schedule_link attending_type notes " + Common),
        ["attribute"] = Set("id link_id taxonomy_term_id link_type link_entity value taxonomy_term metadata"),
        ["taxonomy"] = Set("id name description uri version metadata"),
        ["taxonomy_term"] = Set("id code name description parent_id taxonomy taxonomy_detail language taxonomy_id term_uri metadata"),
    };

    private static HashSet<string> Set(string names) => [.. names.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
