package io.consort.recruitment.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.chassis.problem.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every NDJSON bulk endpoint (api.md: up to 100,000 lines, one result line per input line) does
 * the same way: spooling the body to a file while counting its lines, so an oversized import is refused
 * (413) before anything is stored and the body is never held in memory; and describing a line that is
 * not the expected JSON as field errors for its FAILED result line.
 */
public final class Ndjson {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    public static final int MAX_LINES = 100_000;

    private Ndjson() {
    }

    /**
     * Copies {@code body} to a temporary file the caller deletes; a 413 problem (and no file) when it
     * holds more than {@code maxLines} lines.
     */
    public static Path spool(InputStream body, int maxLines, String prefix) {
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
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
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
            }
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException((IOException) e);
        }
    }

    public static void delete(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException ignored) {
            // the temporary directory is cleaned eventually
        }
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
