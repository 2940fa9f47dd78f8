package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimeTest {

    @TempDir
    Path jdk;

    @Test
    void given_a_jdk_release_file_then_its_feature_version_is_read_without_starting_it() throws Exception {
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");

        assertThat(JavaRuntime.featureVersionOf(jdk)).isEqualTo(25);
    }

    @Test
    void given_an_old_style_version_then_the_feature_version_is_the_minor_number() throws Exception {
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"1.8.0_402\"\n");

        assertThat(JavaRuntime.featureVersionOf(jdk)).isEqualTo(8);
    }

    @Test
    void given_java_25_when_cassandra_needs_11_or_17_then_the_error_says_which_setting_fixes_it() {
        assertThatThrownBy(() -> JavaRuntime.requireSupported("Cassandra", 25, List.of(11, 17)))
                .isInstanceOf(EmbeddedClusterException.class)
                .hasMessage("Cassandra cannot start: it needs Java 11 or 17 but this is Java 25;"
                        + " point PIPELINE_CASSANDRA_JAVA_HOME at a supported JDK");
    }
}
