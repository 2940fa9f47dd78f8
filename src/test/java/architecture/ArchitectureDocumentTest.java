package architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's package map is the newcomer's first picture of the code: it must name every
 * room of the tree, and nothing that is not there.
 */
class ArchitectureDocumentTest {

    private static final Path HOME = Path.of(System.getProperty("pipeline.home", "."));
    private static final Path DOCUMENT = HOME.resolve("docs/architecture.md");
    /** The rooms a reader looks for: top-level packages, each adapter, and the loopback source. */
    private static final Set<String> ROOMS_WITH_SUBROOMS = Set.of("adapters");

    private static final Set<String> DOCUMENTED_SUBROOMS = Set.of("embedded.randomuser");
    /** A row of the map: "| `package` ..." (the sidecar's row reads "| `sidecar` (`spark/`) |"). */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9_.]*)`", Pattern.MULTILINE);

    @Test
    void given_the_architecture_document_when_reading_its_package_map_then_it_names_exactly_the_rooms_of_the_tree()
            throws IOException {
        Set<String> documented = packageMap();

        Set<String> rooms = new TreeSet<>(rooms(HOME.resolve("src/main/java")));
        rooms.addAll(rooms(HOME.resolve("spark/src/main/java")));

        assertThat(documented).as("the package map of %s", DOCUMENT).containsExactlyInAnyOrderElementsOf(rooms);
    }

    private static Set<String> packageMap() throws IOException {
        String text = Files.readString(DOCUMENT);
        int start = text.indexOf("## The package map");
        assertThat(start).as("a '## The package map' section in %s", DOCUMENT).isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        Matcher rows = ROW.matcher(text.substring(start, end < 0 ? text.length() : end));
        Set<String> packages = new TreeSet<>();
        while (rows.find()) {
            packages.add(rows.group(1));
        }
        return packages;
    }

    private static Set<String> rooms(Path sourceRoot) throws IOException {
        Set<String> rooms = new TreeSet<>();
        for (Path top : directories(sourceRoot)) {
            String name = top.getFileName().toString();
            if (ROOMS_WITH_SUBROOMS.contains(name)) {
                directories(top).forEach(sub -> rooms.add(name + "." + sub.getFileName()));
            } else {
                rooms.add(name);
            }
            directories(top).stream()
                    .map(sub -> name + "." + sub.getFileName())
                    .filter(DOCUMENTED_SUBROOMS::contains)
                    .forEach(rooms::add);
        }
        return rooms;
    }

    private static List<Path> directories(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }
}
