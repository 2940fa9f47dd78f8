package embedded.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class NationalitiesTest {

    private static final String VALID_ENTRY = """
        {"code": "XX", "country": "Nowhere", "titles": {"male": ["Mr"], "female": ["Ms"]},
         "firstNames": {"male": ["Tom"], "female": ["Ann"]}, "lastNames": ["Doe"], "streets": ["Main St"],
         "cities": ["Town"], "states": ["State"], "postcode": {"min": 1000, "max": 9999},
         "phones": ["####"], "cells": ["####"]}""";

    @Test
    void given_names_with_diacritics_when_folding_for_email_then_they_become_plain_ascii() {
        assertThat(NameForms.fold("Horst-Günter")).isEqualTo("horst-gunter");
        assertThat(NameForms.fold("Kulaksızoğlu")).isEqualTo("kulaksizoglu");
        assertThat(NameForms.fold("Ødegård")).isEqualTo("odegard");
        assertThat(NameForms.fold("Đorđević")).isEqualTo("dordevic");
        assertThat(NameForms.fold("O'Sullivan")).isEqualTo("osullivan");
        assertThat(NameForms.fold("van den Berg")).isEqualTo("vandenberg");
        assertThat(NameForms.fold("İpek")).isEqualTo("ipek");
    }

    @Test
    void given_the_data_tables_when_loaded_then_all_21_nationalities_have_a_dozen_names_per_list() {
        Nationalities table = Nationalities.load();

        assertThat(table.all())
                .extracting(n -> n.code)
                .containsExactly(
                        "AU", "BR", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IN", "IR", "MX", "NL", "NO",
                        "NZ", "RS", "TR", "UA", "US");
        for (Nationality n : table.all()) {
            assertThat(n.firstMale.length).as(n.code).isEqualTo(12);
            assertThat(n.firstFemale.length).as(n.code).isEqualTo(12);
            assertThat(n.last.length).as(n.code).isEqualTo(12);
        }
    }

    @Test
    void given_a_name_with_an_explicit_ascii_form_when_loaded_then_it_is_displayed_as_written_and_mailed_as_ascii() {
        Nationality n = read("[" + VALID_ENTRY.replace("\"Tom\"", "\"دانیال~dnyl\"") + "]")
                .all()
                .get(0);

        assertThat(new String(n.firstMale[0], StandardCharsets.UTF_8)).isEqualTo("\"دانیال\"");
        assertThat(new String(n.firstMaleEmail[0], StandardCharsets.US_ASCII)).isEqualTo("dnyl");
    }

    @Test
    void given_a_code_in_any_case_when_looked_up_then_the_nationality_is_found_and_unknown_codes_are_null() {
        Nationalities table = Nationalities.load();

        assertThat(table.byCode("fr").code).isEqualTo("FR");
        assertThat(table.byCode("XX")).isNull();
    }

    @Test
    void given_no_table_on_the_classpath_when_loading_then_the_start_fails_naming_the_resource() {
        assertThatThrownBy(() -> Nationalities.load("/embedded/randomuser/absent.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("nationality table not found on the classpath: /embedded/randomuser/absent.json");
    }

    @Test
    void given_broken_json_when_reading_then_the_error_says_the_table_is_malformed() {
        assertThatThrownBy(() -> read("[" + VALID_ENTRY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("malformed nationality table test.json");
        assertThatThrownBy(() -> read("[" + VALID_ENTRY.replace("\"cities\"", "\"towns\"") + "]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("malformed nationality table test.json")
                .hasMessageContaining("towns");
        assertThatThrownBy(() -> read("[]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("nationality table test.json is empty");
    }

    @Test
    void given_an_entry_missing_a_field_when_reading_then_the_error_names_the_entry_and_the_field() {
        assertThatThrownBy(() -> read("[" + VALID_ENTRY.replace("\"lastNames\": [\"Doe\"],", "") + "]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("nationality table test.json, entry 0 (XX): lastNames is missing or empty");
        assertThatThrownBy(() -> read("[" + VALID_ENTRY.replace("\"female\": [\"Ann\"]", "\"female\": []") + "]"))
                .hasMessage("nationality table test.json, entry 0 (XX): firstNames.female is missing or empty");
    }

    @Test
    void given_two_entries_with_one_code_when_reading_then_the_duplicate_is_reported() {
        assertThatThrownBy(() -> read("[" + VALID_ENTRY + "," + VALID_ENTRY + "]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("nationality table test.json, entry 1 (XX): code already used by entry 0");
    }

    @Test
    void given_a_name_that_does_not_fold_to_ascii_when_reading_then_the_error_asks_for_an_explicit_form() {
        assertThatThrownBy(() -> read("[" + VALID_ENTRY.replace("\"Doe\"", "\"صدر\"") + "]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("nationality table test.json, entry 0 (XX): "
                        + "name needs an explicit ASCII form (display~ascii): صدر");
    }

    private static Nationalities read(String json) {
        return Nationalities.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
