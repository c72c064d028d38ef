using Beratungspass.ServiceDirectory;
using NodaTime;
using static Beratungspass.Tests.ServiceDirectory.GivenDirectory;

namespace Beratungspass.Tests.ServiceDirectory;

/// <summary>The field-by-field changes that a directory entry's history shows.</summary>
public sealed class DirectoryChangesTests
{
    [Fact]
    public void Two_states_that_say_the_same_have_no_changes_even_as_different_objects()
    {
        Assert.Empty(DirectoryChanges.Between(Organization(), Organization()));
        Assert.Empty(DirectoryChanges.Between(Service(), Service()));
        Assert.Empty(DirectoryChanges.Between(Staff(), Staff()));
    }

    [Fact]
    public void A_changed_field_is_named_by_its_path_with_the_value_before_and_after()
    {
        var changes = DirectoryChanges.Between(Organization(), Organization() with { Name = "AWO Unterbezirk Unna" });

        Assert.Equal([new DirectoryFieldChange("name", "Arbeiterwohlfahrt Unterbezirk Unna", "AWO Unterbezirk Unna")], changes);
    }

    [Fact]
    public void A_nested_change_is_named_by_its_camel_case_path_into_the_entry()
    {
        var before = Organization();
        var moved = before.Locations[1] with { Address = new PostalAddress("Am Markt 3", "59199", "Bönen") };

        var changes = DirectoryChanges.Between(before, before with { Locations = [before.Locations[0], moved] });

        Assert.Equal(
            [
                new DirectoryFieldChange("locations[1].address.street", "Töddinghauser Straße 20", "Am Markt 3"),
                new DirectoryFieldChange("locations[1].address.postalCode", "59192", "59199"),
                new DirectoryFieldChange("locations[1].address.town", "Bergkamen", "Bönen"),
            ],
            changes);
    }

    [Fact]
    public void A_field_that_is_cleared_or_filled_in_has_no_value_on_the_other_side()
    {
        var cleared = DirectoryChanges.Between(Organization(), Organization() with { Email = null });
        var filled = DirectoryChanges.Between(Service() with { MaximumAge = null }, Service() with { MaximumAge = 64 });

        Assert.Equal([new DirectoryFieldChange("email", "migration@awo-unna.example", null)], cleared);
        Assert.Equal([new DirectoryFieldChange("maximumAge", null, "64")], filled);
    }

    [Fact]
    public void An_added_list_entry_shows_each_of_its_fields_as_new()
    {
        var before = Service();
        var after = before with { Languages = [.. before.Languages, "uk"] };

        Assert.Equal([new DirectoryFieldChange("languages[3]", null, "uk")], DirectoryChanges.Between(before, after));
    }

    [Fact]
    public void Status_days_and_times_read_as_people_and_HSDS_write_them()
    {
        var before = Service();
        var hours = before.Locations[0].Hours[0] with { Days = [IsoDayOfWeek.Tuesday], Opens = new LocalTime(8, 30) };
        var after = before with { Status = ServiceStatus.TemporarilyClosed, Locations = [before.Locations[0] with { Hours = [hours] }] };

        var changes = DirectoryChanges.Between(before, after);

        Assert.Equal(
            [
                new DirectoryFieldChange("status", "active", "temporarily closed"),
                new DirectoryFieldChange("locations[0].hours[0].days[0]", "Monday", "Tuesday"),
                new DirectoryFieldChange("locations[0].hours[0].days[1]", "Thursday", null),
                new DirectoryFieldChange("locations[0].hours[0].opens", "09:00:00", "08:30:00"),
            ],
            changes);
    }

    [Fact]
    public void Flattening_lists_every_leaf_of_an_entry_by_its_path()
    {
        var leaves = DirectoryChanges.Flatten(Service());

        Assert.Equal("Migrationsberatung (MBE) AWO Unna", leaves["name"]);
        Assert.Equal("27", leaves["minimumAge"]);
        Assert.Equal("language-course", leaves["topics[1]"]);
        Assert.Equal("0221 4710 201", leaves["phones[0].number"]);
        Assert.Equal(MainLocation.ToString(), leaves["locations[0].locationId"]);
        Assert.Equal("12:00:00", leaves["locations[0].hours[0].closes"]);
        Assert.False(leaves.ContainsKey("maximumAge"));
    }

    [Fact]
    public void Staff_contact_changes_are_listed_like_any_other_field()
    {
        StaffContact[] after = [Staff()[0] with { Reachable = "Mo–Fr 8:00–9:00" }];

        Assert.Equal([new DirectoryFieldChange("[0].reachable", "Mo–Do 8:00–9:00", "Mo–Fr 8:00–9:00")], DirectoryChanges.Between(Staff(), after));
    }
}
