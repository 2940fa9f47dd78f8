package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/contracts.md states the keyspace-name rule the app and the sidecar share; the app must apply that rule. */
class KeyspaceRuleDocumentTest {

    private static final Path DOCUMENT = Path.of(System.getProperty("pipeline.home", "."), "docs/contracts.md");
    /** The Conventions bullet: "Cassandra keyspace names (...) match `RULE`". */
    private static final Pattern DOCUMENTED_RULE = Pattern.compile(
            "^- Cassandra keyspace names \\(.*?\\) match `([^`]+)`", Pattern.MULTILINE | Pattern.DOTALL);

    @Test
    void given_the_contract_document_when_reading_the_keyspace_rule_then_it_is_the_pattern_the_settings_apply()
            throws IOException {
        Matcher documented = DOCUMENTED_RULE.matcher(Files.readString(DOCUMENT));

        assertThat(documented.find()).as("a keyspace rule in %s", DOCUMENT).isTrue();
        assertThat(CassandraSettings.KEYSPACE.pattern()).isEqualTo(documented.group(1));
    }
}
