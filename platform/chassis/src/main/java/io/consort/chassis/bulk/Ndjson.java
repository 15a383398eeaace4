package io.consort.chassis.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.consort.chassis.idempotency.BulkIdempotency;
import io.consort.chassis.idempotency.BulkWindows;
import io.consort.chassis.idempotency.IdempotencyFilter;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.chassis.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What every NDJSON bulk endpoint (api.md: up to 100,000 lines, one result line per input line) does
 * the same way: spooling the body to a file while counting its lines, so an oversized import is refused
 * (413) before anything is stored and the body is never held in memory, and one that is not UTF-8 refused
 * (400) the same way; and describing a line that is
 * not the expected JSON as field errors for its FAILED result line.
 */
public final class Ndjson {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    public static final int MAX_LINES = 100_000;

    private Ndjson() {
    }

    /** A spooled body and its SHA-256 (lower-case hex), which tells a retry from another import. */
    public record Spool(Path file, String sha256) {

        public void delete() {
            Ndjson.delete(file);
        }
    }

    /** A bulk endpoint's work on its spooled body: one result line per input line, written to {@code out}. */
    @FunctionalInterface
    public interface Importer {
        void run(Path spool, BulkWindows windows, OutputStream out) throws IOException;
    }

    /**
     * The answer of a bulk endpoint. The body is spooled ({@link #spool}) and its Idempotency-Key, if any,
     * claimed; then {@code importer} streams the result lines, storing each committed batch's through
     * the {@link BulkWindows} it is given, or a completed earlier run with the same key is replayed.
     * The spool is deleted when the answer ends.
     */
    public static Response respond(InputStream body, String prefix, BulkIdempotency idempotency, String idempotencyKey,
            UriInfo uri, Importer importer) {
        Spool spool = spool(body, MAX_LINES, prefix);
        BulkWindows windows;
        try {
            windows = idempotency.start(idempotencyKey, uri, spool.sha256());
        } catch (RuntimeException e) {
            spool.delete();
            throw e;
        }
        StreamingOutput output = out -> {
            boolean ended = false;
            try {
                if (windows.completed()) {
                    windows.replay(out);
                } else {
                    importer.run(spool.file(), windows, new BufferedOutputStream(out, 64 * 1024));
                    windows.complete();
                }
                ended = true;
            } finally {
                if (!ended) {
                    windows.abandon();
                }
                spool.delete();
            }
        };
        Response.ResponseBuilder answer = Response.ok(output, MEDIA_TYPE);
        if (windows.replaying()) {
            answer.header(IdempotencyFilter.REPLAYED_HEADER, "true");
        }
        return answer.build();
    }

    /**
     * Copies {@code body} to a temporary file the caller deletes; a 413 problem (and no file) when it
     * holds more than {@code maxLines} lines, a 400 when it is not UTF-8.
     */
    public static Spool spool(InputStream body, int maxLines, String prefix) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        Path file;
        try {
            file = Files.createTempFile(prefix, ".ndjson");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long lines = 0;
            boolean pendingContent = false;
            Utf8 utf8 = new Utf8();
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (!utf8.accepts(b)) {
                        throw notUtf8(lines + 1);
                    }
                    if (b == '\n') {
                        lines++;
                        pendingContent = false;
                    } else {
                        pendingContent = true;
                    }
                }
                if (lines + (pendingContent ? 1 : 0) > maxLines) {
                    throw Problems.payloadTooLarge("an import holds at most " + maxLines + " lines");
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
            }
            if (!utf8.complete()) {
                throw notUtf8(lines + (pendingContent ? 1 : 0));
            }
            return new Spool(file, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException((IOException) e);
        }
    }

    private static RuntimeException notUtf8(long line) {
        return Problems.badRequest("line " + line + " is not valid UTF-8; an import is read as UTF-8 (RFC 8259), "
                + "so nothing of it was stored");
    }

    /**
     * Checks a byte stream for well-formed UTF-8 (the Unicode Standard's table 3-7: no overlong forms, no
     * surrogates, nothing above U+10FFFF) one byte at a time, so a body is checked while it is spooled and
     * an import is refused whole, before any line is stored, rather than failing halfway through.
     */
    static final class Utf8 {

        /** Continuation bytes the current sequence still needs. */
        private int needed;
        /** The range the next continuation byte must fall in (narrower than 80..BF after E0, ED, F0, F4). */
        private int low = 0x80;
        private int high = 0xBF;

        boolean accepts(byte value) {
            int b = value & 0xFF;
            if (needed > 0) {
                if (b < low || b > high) {
                    return false;
                }
                needed--;
                low = 0x80;
                high = 0xBF;
                return true;
            }
            if (b <= 0x7F) {
                return true;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                needed = 2;
                if (b == 0xE0) {
                    low = 0xA0;
                } else if (b == 0xED) {
                    high = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                needed = 3;
                if (b == 0xF0) {
                    low = 0x90;
                } else if (b == 0xF4) {
                    high = 0x8F;
                }
            } else {
                return false;
            }
            return true;
        }

        /** Whether the stream ended between characters rather than inside one. */
        boolean complete() {
            return needed == 0;
        }
    }

    public static void delete(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException ignored) {
            // the temporary directory is cleaned eventually
        }
    }

    /**
     * A window's result lines, in input order: {@code lines} holds each line's FAILED result as parsing
     * answered it, or null for a line that went to the batch; those take their results from
     * {@code stored}, in order.
     */
    public static byte[] render(ObjectMapper mapper, List<BulkLineResult> lines, List<BulkLineResult> stored)
            throws JsonProcessingException {
        ByteArrayOutputStream rendered = new ByteArrayOutputStream(lines.size() * 80);
        int next = 0;
        for (BulkLineResult result : lines) {
            rendered.writeBytes(resultLine(mapper, result != null ? result : stored.get(next++)));
            rendered.write('\n');
        }
        return rendered.toByteArray();
    }

    /**
     * The JSON of a result line. A stored line, the usual answer, is written by hand: at 100,000 lines
     * per import the object mapper's per-call overhead showed; the text is the mapper's own
     * (NdjsonTest compares them).
     */
    static byte[] resultLine(ObjectMapper mapper, BulkLineResult line) throws JsonProcessingException {
        if (line.id() == null || !line.errors().isEmpty()) {
            return mapper.writeValueAsBytes(line);
        }
        return ("{\"line\":" + line.line() + ",\"status\":\"" + line.status() + "\",\"id\":\"" + line.id()
                + "\",\"errors\":[]}").getBytes(StandardCharsets.US_ASCII);
    }

    /** Why a line could not be read as the expected JSON object, as the errors of its FAILED result. */
    public static List<FieldError> errorsOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return List.of(new FieldError(u.getPropertyName(), "unknown field"));
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            return List.of(new FieldError(path, path.isEmpty() ? "a line must be one JSON object" : "wrong type of value"));
        }
        return List.of(new FieldError("", "not valid JSON: " + e.getOriginalMessage()));
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
