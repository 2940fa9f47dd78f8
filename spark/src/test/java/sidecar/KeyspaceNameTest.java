package sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sidecar.record.ContractDoc;

/** The keyspace name rule is the one docs/contracts.md states for the app and the sidecar alike. */
class KeyspaceNameTest {

    // The convention reads "Cassandra keyspace names (...) match `PATTERN`: ...", possibly over two lines.
    private static final Pattern DOCUMENTED =
            Pattern.compile("Cassandra keyspace names .*? match `([^`]+)`", Pattern.DOTALL);

    private static SidecarSettings loadKeyspace(String keyspace) {
        return SidecarSettings.fromEnvironment(Map.of("PIPELINE_CASSANDRA_KEYSPACE", keyspace));
    }

    @Test
    void given_docs_contracts_md_when_read_then_the_sidecar_enforces_exactly_the_documented_pattern() {
        Matcher documented = DOCUMENTED.matcher(ContractDoc.conventions());

        assertThat(documented.find())
                .as("a keyspace name convention in docs/contracts.md")
                .isTrue();
        assertThat(SettingRules.KEYSPACE_NAME).isEqualTo(documented.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spark_Streams", "SPARK", "it_Ks"})
    void given_a_keyspace_with_capitals_when_loaded_then_it_is_rejected_because_cassandra_would_fold_it(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> loadKeyspace(name))
                .withMessage("PIPELINE_CASSANDRA_KEYSPACE='" + name + "' is invalid: must be an unquoted CQL"
                        + " keyspace name in lower case: a letter, then up to 47 letters, digits or underscores");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_ks", "ks-1", "ks.users", ""})
    void given_a_keyspace_that_is_no_unquoted_cql_name_when_loaded_then_it_is_rejected(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> loadKeyspace(name))
                .withMessageStartingWith("PIPELINE_CASSANDRA_KEYSPACE='" + name + "' is invalid");
    }

    @Test
    void given_a_lower_case_keyspace_of_48_characters_when_loaded_then_it_is_accepted_and_49_are_not() {
        String longest = "k" + "_".repeat(46) + "9";

        assertThat(loadKeyspace(longest).keyspace()).isEqualTo(longest);
        assertThatIllegalArgumentException().isThrownBy(() -> loadKeyspace(longest + "x"));
    }
}
