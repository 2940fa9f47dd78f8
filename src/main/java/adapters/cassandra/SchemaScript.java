package adapters.cassandra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned CQL file ({@code V<n>__<description>.cql}). The driver executes one statement per
 * request, so a script is split into statements: a statement ends at a line that ends with
 * {@code ;}. Lines starting with {@code --} or {@code //} are comments. A {@code ;} inside a line
 * (e.g. in a string literal) does not split, which is why scripts keep one statement end per line.
 */
record SchemaScript(int version, String name, String text) {

    private static final Pattern FILE_NAME = Pattern.compile("V([1-9]\\d{0,8})__[A-Za-z0-9_.-]+\\.cql");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    SchemaScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** @return true when the file name has the {@code V<n>__<description>.cql} form */
    static boolean isScriptName(String fileName) {
        return FILE_NAME.matcher(fileName).matches();
    }

    static SchemaScript of(String fileName, String text) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "schema script name must be V<n>__<description>.cql, was '" + fileName + "'");
        }
        return new SchemaScript(Integer.parseInt(m.group(1)), fileName, text);
    }

    /** The statements, placeholders replaced, without their {@code ;}. */
    List<String> statements(Map<String, String> values) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("--") || line.startsWith("//")) {
                continue;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            if (line.endsWith(";")) {
                current.append(line, 0, line.length() - 1);
                String statement = current.toString().strip();
                if (!statement.isEmpty()) {
                    statements.add(render(statement, values, i + 1));
                }
                current.setLength(0);
            } else {
                current.append(line);
            }
        }
        if (current.length() > 0) {
            // most likely a truncated file: refusing beats running half a statement
            throw new IllegalArgumentException(
                    name + ": the last statement does not end with ';': '" + firstLine(current.toString()) + "...'");
        }
        return statements;
    }

    private String render(String statement, Map<String, String> values, int lineNumber) {
        Matcher m = PLACEHOLDER.matcher(statement);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(name + ": unknown placeholder ${" + m.group(1)
                        + "} in the statement ending at line " + lineNumber + "; known: " + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
