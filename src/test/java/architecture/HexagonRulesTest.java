package architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rooms of the monolith and the hexagon's rules (docs/adr/0001). Every room is a bare top-level
 * package, so every rule names exactly the packages it means.
 * <ul>
 *   <li>The product: {@code domain}, {@code application} (use cases and ports), {@code adapters}
 *       (one technology each), {@code json} (the one JSON mapper) and {@code bootstrap}, the one
 *       composition root allowed to see every adapter.</li>
 *   <li>The tooling around it: {@code cli} (the {@code ./pipeline} command line), {@code bench} (the
 *       benchmarks), {@code localstack} (what the demo and the benchmarks share: the local stack, the
 *       runs client) and {@code embedded} (the local cluster and the loopback source).</li>
 * </ul>
 * Dependencies point from the tooling to the product, never back: cli -> bench -> localstack -> the
 * product and embedded.
 */
@AnalyzeClasses(
        packages = {"domain", "application", "adapters", "bootstrap", "json", "cli", "bench", "localstack", "embedded"},
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class HexagonRulesTest {

    static final String DOMAIN = "domain..";
    static final String APPLICATION = "application..";
    static final String ADAPTERS = "adapters..";
    static final String COMPOSITION_ROOT = "bootstrap..";
    static final String JSON = "json..";
    static final String COMMAND_LINE = "cli..";
    static final String BENCHMARKS = "bench..";
    static final String LOCAL_STACK = "localstack..";
    static final String EMBEDDED_CLUSTER = "embedded..";

    /** Where a technology may appear besides its own adapter: the composition root and the tooling. */
    private static final String[] WIRING_AND_TOOLING = {
        COMPOSITION_ROOT, COMMAND_LINE, BENCHMARKS, LOCAL_STACK, EMBEDDED_CLUSTER
    };

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is pure Java: decisions must be testable without any framework");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_the_logging_api = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, "java..", "org.slf4j..")
            .because("use cases talk to the world only through ports; logging goes through the SLF4J API");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices().matching("adapters.(*)..")
            .should()
            .notDependOnEachOther()
            .because("each adapter wraps one technology; only the composition root combines them");

    @ArchTest
    static final ArchRule only_the_composition_root_wires_adapters = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION, EMBEDDED_CLUSTER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADAPTERS, COMPOSITION_ROOT)
            .because("dependencies point inwards; bootstrap is the one place that knows every adapter");

    @ArchTest
    static final ArchRule adapters_do_not_reach_the_composition_root_or_the_local_cluster = noClasses()
            .that()
            .resideInAPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMPOSITION_ROOT, EMBEDDED_CLUSTER)
            .because("adapters work against any Kafka or Cassandra, not only the embedded one");

    @ArchTest
    static final ArchRule the_local_cluster_stays_outside_the_hexagon = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(EMBEDDED_CLUSTER)
            .because("the embedded servers are a development convenience, not part of the product's logic");

    @ArchTest
    static final ArchRule the_product_never_depends_on_the_tooling = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, COMPOSITION_ROOT, JSON)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND_LINE, BENCHMARKS, LOCAL_STACK, EMBEDDED_CLUSTER)
            .because("the app runs the same without the command line, the benchmarks or the local stack");

    @ArchTest
    static final ArchRule the_benchmarks_and_the_local_stack_never_depend_on_the_command_line = noClasses()
            .that()
            .resideInAnyPackage(BENCHMARKS, LOCAL_STACK)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(COMMAND_LINE)
            .because("the command line only gathers options and hands them on; what it calls stands alone");

    @ArchTest
    static final ArchRule the_local_cluster_never_depends_on_the_tools_built_on_it = noClasses()
            .that()
            .resideInAPackage(EMBEDDED_CLUSTER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND_LINE, BENCHMARKS, LOCAL_STACK)
            .because("the embedded servers are the bottom of the tooling: the demo, the stack and the "
                    + "benchmarks start them, never the other way round");

    @ArchTest
    static final ArchRule the_rooms_are_free_of_cycles = slices().matching("(*)..")
            .should()
            .beFreeOfCycles()
            .because("a room that needs another which needs it back is one room in two places");

    @ArchTest
    static final ArchRule one_json_mapper_for_the_build = noClasses()
            .that()
            .resideOutsideOfPackage(JSON)
            .should()
            .callConstructor(ObjectMapper.class)
            .orShould()
            .callConstructor(JsonMapper.class)
            .orShould()
            .callMethod(JsonMapper.class, "builder")
            .because("every part reads and writes JSON with the same rules: json.PipelineJson.mapper()");

    @ArchTest
    static final ArchRule one_logging_api = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(System.Logger.class.getName())
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("java.util.logging..")
            .because("every log line goes through SLF4J, configured once (logback.xml)");

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

    /** Outside its adapter, a technology may appear only in the composition root and the tooling rooms. */
    private static ArchRule technologyOwnedBy(String adapter, String technology) {
        String[] allowed = new String[WIRING_AND_TOOLING.length + 1];
        allowed[0] = adapter;
        System.arraycopy(WIRING_AND_TOOLING, 0, allowed, 1, WIRING_AND_TOOLING.length);
        return noClasses()
                .that()
                .resideOutsideOfPackages(allowed)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(technology)
                .because(technology + " belongs to " + adapter.replace("..", ""));
    }
}
