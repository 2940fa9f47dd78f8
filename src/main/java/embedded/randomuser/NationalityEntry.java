package embedded.randomuser;

import java.util.List;

/**
 * One entry of the nationality table as written in {@code nationalities.json} (see {@link Nationalities}
 * for the format). Plain strings; {@link Nationality} holds them encoded for the writer.
 */
record NationalityEntry(
        String code,
        String country,
        ByGender titles,
        ByGender firstNames,
        List<String> lastNames,
        List<String> streets,
        List<String> cities,
        List<String> states,
        Postcode postcode,
        List<String> phones,
        List<String> cells,
        IdDocument id) {

    /** Lists that differ by gender: titles and first names. */
    record ByGender(List<String> male, List<String> female) {}

    /** Numeric postcodes in [min, max], or string postcodes from patterns (then min and max are absent). */
    record Postcode(Integer min, Integer max, List<String> patterns) {}

    /** The national id: its name and value patterns, and the garbage values some users get. */
    record IdDocument(String name, List<String> patterns, GarbageIds garbage) {}

    /** Out of 1000 users, {@code perMille} get an id value from these patterns instead. */
    record GarbageIds(int perMille, List<String> patterns) {}

    /** Checks that every required field is present; throws IllegalArgumentException naming the first that is not. */
    void validate() {
        require(code, "code");
        require(country, "country");
        requireByGender(titles, "titles");
        requireByGender(firstNames, "firstNames");
        requireList(lastNames, "lastNames");
        requireList(streets, "streets");
        requireList(cities, "cities");
        requireList(states, "states");
        require(postcode, "postcode");
        if (postcode.patterns() != null) {
            requireList(postcode.patterns(), "postcode.patterns");
            if (postcode.min() != null || postcode.max() != null) {
                throw new IllegalArgumentException("postcode has both patterns and min/max");
            }
        } else if (postcode.min() == null || postcode.max() == null || postcode.min() > postcode.max()) {
            throw new IllegalArgumentException("postcode needs patterns, or min <= max");
        }
        requireList(phones, "phones");
        requireList(cells, "cells");
        if (id != null) {
            require(id.name(), "id.name");
            requireList(id.patterns(), "id.patterns");
            if (id.garbage() != null) {
                requireList(id.garbage().patterns(), "id.garbage.patterns");
                if (id.garbage().perMille() < 0 || id.garbage().perMille() > 1000) {
                    throw new IllegalArgumentException("id.garbage.perMille must be 0..1000");
                }
            }
        }
    }

    private static void requireByGender(ByGender lists, String name) {
        require(lists, name);
        requireList(lists.male(), name + ".male");
        requireList(lists.female(), name + ".female");
    }

    private static void requireList(List<String> list, String name) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(name + " is missing or empty");
        }
        if (list.contains(null)) {
            throw new IllegalArgumentException(name + " contains null");
        }
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }
}
