package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SchemaScriptTest {

    private static final Map<String, String> VALUES = Map.of("KEYSPACE", "ks", "REPLICATION", "{'x': 1}");

    @Test
    void given_statements_over_several_lines_when_split_then_each_ends_at_a_line_ending_with_a_semicolon() {
        SchemaScript script =
                SchemaScript.of("V1__t.cql", "CREATE TABLE a (\n  id int PRIMARY KEY\n);\nDROP TABLE b;\n");

        assertThat(script.statements(VALUES))
                .containsExactly("CREATE TABLE a (\nid int PRIMARY KEY\n)", "DROP TABLE b");
    }

    @Test
    void given_comment_and_blank_lines_when_split_then_they_are_skipped() {
        SchemaScript script = SchemaScript.of(
                "V1__t.cql",
                "-- header; with a semicolon;\n\n// also a comment;\n" + "SELECT 1 FROM x;\r\n   -- trailing\n");

        assertThat(script.statements(VALUES)).containsExactly("SELECT 1 FROM x");
    }

    @Test
    void given_a_semicolon_inside_a_line_when_split_then_the_statement_is_not_cut() {
        SchemaScript script = SchemaScript.of("V1__t.cql", "INSERT INTO t (a) VALUES ('x;y')\n;\n");

        assertThat(script.statements(VALUES)).containsExactly("INSERT INTO t (a) VALUES ('x;y')");
    }

    @Test
    void given_placeholders_when_split_then_keyspace_and_replication_are_replaced() {
        SchemaScript script = SchemaScript.of(
                "V1__t.cql",
                "CREATE KEYSPACE IF NOT EXISTS ${KEYSPACE}\n"
                        + "  WITH replication = ${REPLICATION};\nCREATE TABLE ${KEYSPACE}.t (id int PRIMARY KEY);");

        assertThat(script.statements(VALUES))
                .containsExactly(
                        "CREATE KEYSPACE IF NOT EXISTS ks\nWITH replication = {'x': 1}",
                        "CREATE TABLE ks.t (id int PRIMARY KEY)");
    }

    @Test
    void given_an_unknown_placeholder_when_split_then_the_error_names_script_and_placeholder() {
        SchemaScript script = SchemaScript.of("V3__x.cql", "CREATE TABLE ${TABLE} (id int PRIMARY KEY);");

        assertThatThrownBy(() -> script.statements(VALUES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("V3__x.cql")
                .hasMessageContaining("${TABLE}");
    }

    @Test
    void given_a_last_statement_without_semicolon_when_split_then_it_is_refused_as_truncated() {
        SchemaScript script = SchemaScript.of("V2__x.cql", "DROP TABLE a;\nCREATE TABLE b (\n  id int");

        assertThatThrownBy(() -> script.statements(VALUES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("V2__x.cql")
                .hasMessageContaining("CREATE TABLE b (");
    }

    @Test
    void given_file_names_when_parsed_then_only_versioned_cql_names_are_scripts() {
        assertThat(SchemaScript.of("V12__add_index.cql", "").version()).isEqualTo(12);
        assertThat(SchemaScript.isScriptName("V1__users.cql")).isTrue();
        assertThat(List.of("V0__x.cql", "v1__x.cql", "V1_x.cql", "V1__x.sql", "README.md", "V1__.cql"))
                .noneMatch(SchemaScript::isScriptName);
        assertThatThrownBy(() -> SchemaScript.of("users.cql", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users.cql");
    }

    @Test
    void given_the_shipped_scripts_when_loaded_then_v1_creates_keyspace_tables_and_schema_version_in_order() {
        List<SchemaScript> scripts = SchemaScripts.load(getClass().getClassLoader(), SchemaScripts.DIRECTORY);

        assertThat(scripts).extracting(SchemaScript::version).startsWith(1).isSorted();
        List<String> v1 = scripts.get(0)
                .statements(Map.of(
                        "KEYSPACE",
                        "spark_streams",
                        "REPLICATION",
                        CassandraSettings.Replication.simple(1).cql()));
        assertThat(v1).hasSize(4).allMatch(s -> s.contains("IF NOT EXISTS"));
        assertThat(v1.get(0))
                .startsWith("CREATE KEYSPACE IF NOT EXISTS spark_streams")
                .endsWith("{'class': 'SimpleStrategy', 'replication_factor': 1}");
        assertThat(v1.get(1))
                .startsWith("CREATE TABLE IF NOT EXISTS spark_streams.created_users")
                .contains("id uuid PRIMARY KEY", "dob timestamp", "persisted_at timestamp", "run_id uuid");
        assertThat(v1.get(2))
                .startsWith("CREATE TABLE IF NOT EXISTS spark_streams.users_by_run")
                .contains("PRIMARY KEY ((run_id), id)");
        assertThat(v1.get(3)).startsWith("CREATE TABLE IF NOT EXISTS spark_streams.schema_version");
    }

    @Test
    void given_the_shipped_scripts_when_loaded_then_v2_adds_the_field_problems_column_and_may_run_again() {
        List<SchemaScript> scripts = SchemaScripts.load(getClass().getClassLoader(), SchemaScripts.DIRECTORY);

        assertThat(scripts).extracting(SchemaScript::name).contains("V2__field_problems.cql");
        List<String> v2 = scripts.get(1).statements(Map.of("KEYSPACE", "spark_streams", "REPLICATION", "unused"));
        assertThat(v2)
                .containsExactly("ALTER TABLE spark_streams.created_users ADD IF NOT EXISTS field_problems"
                        + " frozen<list<text>>");
    }
}
