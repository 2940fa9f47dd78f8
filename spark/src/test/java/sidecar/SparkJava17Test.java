package sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

class SparkJava17Test {

    @Test
    void given_spark_3_5_on_the_classpath_when_compared_then_the_module_options_are_exactly_sparks_own() {
        // Catches a Spark upgrade that changes the list while our copy stays behind.
        assertThat(SparkJava17.MODULE_OPTIONS)
                .containsExactlyElementsOf(
                        Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
    }

    @Test
    void given_the_pom_property_spark_java17_options_when_compared_then_it_lists_the_same_options() {
        String fromPom = System.getProperty("spark.java17.options");

        assertThat(fromPom)
                .as("surefire passes the pom property as a system property")
                .isNotBlank();
        assertThat(fromPom.trim().split("\\s+")).containsExactlyElementsOf(SparkJava17.MODULE_OPTIONS);
    }

    @Test
    void given_a_test_jvm_forked_by_surefire_when_inspected_then_it_was_started_with_every_module_option() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(SparkJava17.MODULE_OPTIONS);
    }
}
