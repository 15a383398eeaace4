package io.consort.systemtests.faults;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one field the scenarios read from answers, without a JSON mapper on the test class path. */
final class Json {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private Json() {
    }

    static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no id in " + body);
        }
        return m.group(1);
    }
}
