package io.consort.chassis.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.chassis.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NdjsonTest {

    @Test
    void wellFormedUtf8OfEveryLengthIsAccepted() {
        // A, é (2 bytes), € (3), the smallest 3-byte after the overlong range, U+D7FF and U+E000 around the
        // surrogates, 𝄞 (4), the smallest 4-byte and U+10FFFF.
        for (String hex : new String[] {"41", "c3a9", "e282ac", "e0a080", "ed9fbf", "ee8080", "f09d849e", "f0908080",
                "f48fbfbf"}) {
            assertTrue(wellFormed(hex), hex);
        }
        assertTrue(wellFormed(HexFormat.of().formatHex("Zürich — 東京 🙂\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void illFormedUtf8IsRefused() {
        String[] bad = {
            "80",         // a continuation byte with nothing before it
            "c0af",       // overlong '/'
            "c1bf",       // overlong
            "e080af",     // overlong 3-byte form
            "eda080",     // a surrogate (U+D800)
            "f08f8080",   // overlong 4-byte form
            "f4908080",   // above U+10FFFF
            "f5808080",   // a lead byte that never occurs
            "ff",         // Latin-1 'ÿ', as an export in the wrong encoding would have it
            "c328",       // a lead byte followed by ASCII
            "e282",       // cut off at the end
        };
        for (String hex : bad) {
            assertFalse(wellFormed(hex), hex);
        }
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedNamingItsLineAndLeavesNoSpool() throws IOException {
        String prefix = "ndjson-test-" + UUID.randomUUID() + "-";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"name\":\"Acme\"}\n{\"name\":\"Zürich AG\"}\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("{\"name\":\"M".getBytes(StandardCharsets.ISO_8859_1));
        body.write(0xFC); // 'ü' in Latin-1
        body.writeBytes("nchen\"}\n".getBytes(StandardCharsets.ISO_8859_1));

        ProblemException refused = assertThrows(ProblemException.class,
                () -> Ndjson.spool(new ByteArrayInputStream(body.toByteArray()), Ndjson.MAX_LINES, prefix));

        assertEquals(400, refused.status());
        assertTrue(refused.detail().contains("line 3 is not valid UTF-8"), refused.detail());
        assertEquals(0, spoolsNamed(prefix));
    }

    @Test
    void aBodyCutOffInsideACharacterIsRefused() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82};
        ProblemException refused = assertThrows(ProblemException.class,
                () -> Ndjson.spool(new ByteArrayInputStream(body), Ndjson.MAX_LINES, "ndjson-test-"));
        assertTrue(refused.detail().startsWith("line 1 "), refused.detail());
    }

    @Test
    void aUtf8BodyIsSpooledUnchanged() throws IOException {
        byte[] body = "{\"name\":\"Zürich AG\"}\n{\"name\":\"東京\"}".getBytes(StandardCharsets.UTF_8);
        Ndjson.Spool spool = Ndjson.spool(new ByteArrayInputStream(body), Ndjson.MAX_LINES, "ndjson-test-");
        try {
            assertEquals(new String(body, StandardCharsets.UTF_8), Files.readString(spool.file()));
        } finally {
            spool.delete();
        }
    }

    @Test
    void handWrittenResultLinesAreWhatTheMapperWrites() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (BulkLineResult line : List.of(new BulkLineResult(1, "CREATED", UUID.randomUUID(), List.of()),
                new BulkLineResult(99_999, "UPDATED", UUID.randomUUID(), List.of()),
                new BulkLineResult(7, "FAILED", null, List.of(new FieldError("companyName", "must not be blank"))))) {
            assertEquals(mapper.writeValueAsString(line), new String(Ndjson.resultLine(mapper, line), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aWindowAnswersItsLinesInInputOrderWithTheStoredOnesInTheirPlaces() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        UUID second = UUID.randomUUID();
        UUID fourth = UUID.randomUUID();
        List<BulkLineResult> lines = Arrays.asList(BulkLineResult.failed(1, "name", "must not be blank"), null,
                BulkLineResult.failed(3, "", "a line must be one JSON object"), null);
        String rendered = new String(Ndjson.render(mapper, lines,
                List.of(BulkLineResult.stored(2, true, second), BulkLineResult.stored(4, false, fourth))), StandardCharsets.UTF_8);

        List<String> answered = rendered.lines().toList();
        assertEquals(4, answered.size(), rendered);
        for (int i = 0; i < 4; i++) {
            assertEquals(i + 1, mapper.readTree(answered.get(i)).get("line").asInt(), answered.get(i));
        }
        assertEquals(second.toString(), mapper.readTree(answered.get(1)).get("id").asText());
        assertEquals("UPDATED", mapper.readTree(answered.get(3)).get("status").asText());
        assertTrue(rendered.endsWith("\n"));
    }

    private static boolean wellFormed(String hex) {
        Ndjson.Utf8 utf8 = new Ndjson.Utf8();
        for (byte b : HexFormat.of().parseHex(hex)) {
            if (!utf8.accepts(b)) {
                return false;
            }
        }
        return utf8.complete();
    }

    private static long spoolsNamed(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
        }
    }
}
