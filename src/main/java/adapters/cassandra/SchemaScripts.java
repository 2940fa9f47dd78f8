package adapters.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the schema scripts on the classpath. The class loader cannot list a directory, so the
 * directory's URL is opened as what it is: a directory when running from classes/, a jar entry
 * prefix when running from the application jar.
 */
final class SchemaScripts {

    static final String DIRECTORY = "cassandra";

    private SchemaScripts() {}

    /** The scripts under {@code directory}, ordered by version; two files of one version are an error. */
    static List<SchemaScript> load(ClassLoader loader, String directory) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(directory);
            while (roots.hasMoreElements()) {
                names.addAll(list(roots.nextElement(), directory));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the schema scripts in classpath:" + directory, e);
        }
        Map<Integer, SchemaScript> byVersion = new TreeMap<>();
        for (String name : names) {
            SchemaScript script = SchemaScript.of(name, read(loader, directory + "/" + name));
            SchemaScript other = byVersion.put(script.version(), script);
            if (other != null) {
                throw new IllegalStateException("two schema scripts of version " + script.version() + ": "
                        + other.name() + " and " + script.name());
            }
        }
        return new ArrayList<>(byVersion.values());
    }

    private static List<String> list(URL root, String directory) throws IOException {
        switch (root.getProtocol()) {
            case "file":
                try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                    return files.map(p -> p.getFileName().toString())
                            .filter(SchemaScript::isScriptName)
                            .toList();
                } catch (URISyntaxException e) {
                    throw new IOException("not a file URL: " + root, e);
                }
            case "jar":
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = directory + "/";
                    return jar.stream()
                            .map(JarEntry::getName)
                            .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                            .map(n -> n.substring(prefix.length()))
                            .filter(SchemaScript::isScriptName)
                            .sorted(Comparator.naturalOrder())
                            .toList();
                }
            default:
                throw new IOException(
                        "cannot list schema scripts at " + root + " (protocol " + root.getProtocol() + ")");
        }
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script classpath:" + resource + " vanished while loading");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema script classpath:" + resource, e);
        }
    }
}
