package io.consort.recruitment.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Rows for PostgreSQL's {@code COPY ... WITH (FORMAT csv)}, as the set-based writers send them. */
public final class Csv {

    private Csv() {
    }

    /** One row: every non-null value quoted (so an empty string is not NULL), NULL as nothing. */
    public static void row(StringBuilder out, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values[i];
            if (v != null) {
                out.append('"').append(v.indexOf('"') < 0 ? v : v.replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    /** An array literal of codes; codes are UPPER_SNAKE, so they need no quoting inside the braces. */
    public static String array(List<String> codes) {
        return "{" + String.join(",", codes) + "}";
    }

    /** What {@code CopyManager.copyIn} reads. */
    public static ByteArrayInputStream bytes(StringBuilder csv) {
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
