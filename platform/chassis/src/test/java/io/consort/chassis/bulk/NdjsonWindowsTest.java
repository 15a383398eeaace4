package io.consort.chassis.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonWindowsTest {

    /** Lines are "key" (a value naming that key), "bad" (a FAILED line) or blank. */
    static List<String> windows(String body, int size, boolean keysSpanWindows) throws IOException {
        Path spool = Files.createTempFile("windows", ".ndjson");
        try {
            Files.writeString(spool, body);
            List<String> seen = new ArrayList<>();
            NdjsonWindows.read(spool, size, keysSpanWindows, (number, text) -> text.equals("bad")
                    ? NdjsonWindows.Parsed.failed(BulkLineResult.failed(number, "", "bad"))
                    : NdjsonWindows.Parsed.of(number + ":" + text, List.of(text)), window -> {
                        StringBuilder w = new StringBuilder(window.firstLine() + (window.clash() ? "!" : "") + "[");
                        int next = 0;
                        for (BulkLineResult r : window.results()) {
                            w.append(r != null ? r.line() + "F" : window.values().get(next++)).append(' ');
                        }
                        assertEquals(window.values().size(), next);
                        assertEquals(window.values().stream().map(v -> Integer.parseInt(v.split(":")[0])).toList(),
                                window.lines());
                        seen.add(w.toString().strip() + "]");
                    });
            return seen;
        } finally {
            Files.delete(spool);
        }
    }

    @Test
    void windowsEndAtTheirSizeAndAtTheEndAndKeepEveryLineInOrder() throws IOException {
        assertEquals(List.of("1[1:a 2F 3:b 4F 5:c]", "7[7:d 8:a]"), windows("a\nbad\nb\nbad\nc\n\nd\na\n", 3, false));
        assertEquals(List.of("1[1F 3F]"), windows("bad\n\nbad", 3, false));
        assertEquals(List.of(), windows("\n\n", 3, false));
    }

    @Test
    void aValueNamingAKeyOfItsWindowStartsTheNext() throws IOException {
        assertEquals(List.of("1![1:a 2:b]", "3[3:a 4F]"), windows("a\nb\na\nbad\n", 10, false));
    }

    @Test
    void keysSpanWindowsEndedForTheirSizeOnlyWhenAsked() throws IOException {
        assertEquals(List.of("1[1:a 2:b]", "3![3:c]", "4[4:a]"), windows("a\nb\nc\na\n", 2, true));
        assertEquals(List.of("1[1:a 2:b]", "3[3:c 4:a]"), windows("a\nb\nc\na\n", 2, false));
    }
}
