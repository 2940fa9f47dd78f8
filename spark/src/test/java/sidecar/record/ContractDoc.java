package sidecar.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads docs/contracts.md (Maven runs spark tests in spark/, so it is ../docs/contracts.md). Public
 * for the tests of package {@code sidecar} that check a setting against the contract.
 */
public final class ContractDoc {

    private static final Path FILE = Path.of("..", "docs", "contracts.md");
    private static final Pattern FIELD_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\|");

    private ContractDoc() {}

    /** The text from {@code heading} (a line) to the next "## " heading. */
    static String section(String heading) {
        String doc = read();
        int start = doc.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new AssertionError("no heading '" + heading + "' in " + FILE);
        }
        int end = doc.indexOf("\n## ", start + heading.length() + 1);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }

    /** The conventions for every message: from the "Conventions" paragraph to the first "## " heading. */
    public static String conventions() {
        String doc = read();
        int start = doc.indexOf("\nConventions");
        if (start < 0) {
            throw new AssertionError("no Conventions paragraph in " + FILE);
        }
        int end = doc.indexOf("\n## ", start);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }

    /** The "## Topics" section, with its sizes table. */
    public static String topics() {
        return section("## Topics");
    }

    /** The number at the start of the second cell of the table row starting with {@code rowStart}. */
    public static int sizeLimit(String section, String rowStart) {
        for (String line : section.split("\n")) {
            if (line.startsWith(rowStart)) {
                String cell = line.substring(1).split("\\|")[1].strip();
                return Integer.parseInt(cell.split(" ")[0]);
            }
        }
        throw new AssertionError("no row starting with '" + rowStart + "' in " + FILE);
    }

    /** The first ```json block of the section. */
    static String firstJsonBlock(String heading) {
        String section = section(heading);
        int open = section.indexOf("```json\n");
        if (open < 0) {
            throw new AssertionError("no ```json block under '" + heading + "'");
        }
        int from = open + "```json\n".length();
        return section.substring(from, section.indexOf("\n```", from));
    }

    /** The field names of the section's field table, in order: rows "| `name` | ...". */
    static List<String> tableFields(String heading) {
        List<String> fields = new ArrayList<>();
        for (String line : section(heading).split("\n")) {
            Matcher m = FIELD_ROW.matcher(line);
            if (m.find()) {
                fields.add(m.group(1));
            }
        }
        if (fields.isEmpty()) {
            throw new AssertionError("no field table under '" + heading + "'");
        }
        return fields;
    }

    private static String read() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
