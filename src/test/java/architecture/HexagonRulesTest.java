package architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's rules (docs/adr/0001). {@code domain}, {@code application} and {@code adapters}
 * are bare top-level packages, so every rule names exactly the packages it means. {@code bootstrap}
 * is the one composition root allowed to see every adapter; {@code embedded} is the local-cluster
 * tool, outside the hexagon.
 */
@AnalyzeClasses(packages = {"domain", "application", "adapters", "bootstrap", "embedded"},
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class HexagonRulesTest {

    static final String DOMAIN = "domain..";
    static final String APPLICATION = "application..";
    static final String ADAPTERS = "adapters..";
    static final String COMPOSITION_ROOT = "bootstrap..";
    static final String EMBEDDED_CLUSTER = "embedded..";

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk =
            classes().that().resideInAPackage(DOMAIN)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                    .because("the domain is pure Java: decisions must be testable without any framework");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain =
            classes().that().resideInAPackage(APPLICATION)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                    .because("use cases talk to the world only through ports");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other =
            slices().matching("adapters.(*)..").should().notDependOnEachOther()
                    .because("each adapter wraps one technology; only the composition root combines them");

    @ArchTest
    static final ArchRule only_the_composition_root_wires_adapters =
            noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION, EMBEDDED_CLUSTER)
                    .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, COMPOSITION_ROOT)
                    .because("dependencies point inwards; bootstrap is the one place that knows every adapter");

    @ArchTest
    static final ArchRule adapters_do_not_reach_the_composition_root_or_the_local_cluster =
            noClasses().that().resideInAPackage(ADAPTERS)
                    .should().dependOnClassesThat().resideInAnyPackage(COMPOSITION_ROOT, EMBEDDED_CLUSTER)
                    .because("adapters work against any Kafka or Cassandra, not only the embedded one");

    @ArchTest
    static final ArchRule the_local_cluster_stays_outside_the_hexagon =
            noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS)
                    .should().dependOnClassesThat().resideInAPackage(EMBEDDED_CLUSTER)
                    .because("the embedded servers are a development convenience, not part of the product's logic");

    @ArchTest
    static final ArchRule kafka_is_used_only_by_its_adapter =
            technologyOwnedBy("adapters.kafka..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule cassandra_is_used_only_by_its_adapter =
            technologyOwnedBy("adapters.cassandra..", "com.datastax..");

    @ArchTest
    static final ArchRule axon_is_used_only_by_the_event_store_adapter =
            technologyOwnedBy("adapters.eventstore..", "org.axonframework..");

    @ArchTest
    static final ArchRule javalin_is_used_only_by_the_http_adapter =
            technologyOwnedBy("adapters.http..", "io.javalin..");

    /** Outside its adapter, a technology may appear only in the composition root and the local-cluster tool. */
    private static ArchRule technologyOwnedBy(String adapter, String technology) {
        return noClasses().that().resideOutsideOfPackages(adapter, COMPOSITION_ROOT, EMBEDDED_CLUSTER)
                .should().dependOnClassesThat().resideInAPackage(technology)
                .because(technology + " belongs to " + adapter.replace("..", ""));
    }
}
