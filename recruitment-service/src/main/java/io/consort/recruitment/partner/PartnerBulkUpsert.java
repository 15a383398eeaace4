package io.consort.recruitment.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.chassis.idempotency.BulkIdempotency;
import io.consort.chassis.idempotency.BulkWindows;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.chassis.bulk.BulkLineResult;
import io.consort.recruitment.support.ExternalIds;
import io.consort.chassis.bulk.Ndjson;
import io.consort.chassis.bulk.NdjsonWindows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The NDJSON bulk upsert of partners by external id: one {@code {"system", "externalId", ...fields}}
 * object per line, each an upsert exactly like {@code PUT /api/v1/partners/by-external-id/...} (the same
 * rules, events and change-feed entries). The body is spooled and counted first ({@link Ndjson}); lines
 * are then stored in batches, each in its own transaction, and the result lines of a batch are streamed
 * back once it has committed. Each batch is checked and written set-based by {@link PartnerBatchWriter}.
 */
@ApplicationScoped
public class PartnerBulkUpsert {

    static final int BATCH_SIZE = 5_000;
    private static final Logger LOG = Logger.getLogger(PartnerBulkUpsert.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    PartnerBatchWriter writer;

    @Inject
    BulkIdempotency idempotency;

    public Response upsertLines(InputStream body, String origin, String idempotencyKey, UriInfo uri) {
        return Ndjson.respond(body, "partners-", idempotency, idempotencyKey, uri,
                (spool, windows, out) -> run(spool, origin, windows, out));
    }

    /**
     * The chassis' read loop: a batch ends at its size or before a line naming an id an earlier line of the
     * batch named, so a batch holds each partner once and the second line sees what the first stored.
     * Each window's result lines come from an earlier execution with the same Idempotency-Key if that
     * committed it, else from storing its batch.
     */
    private void run(Path spool, String origin, BulkWindows windows, OutputStream out) throws IOException {
        NdjsonWindows.read(spool, BATCH_SIZE, false, this::parse, window -> {
            byte[] results = windows.stored(window.firstLine());
            if (results == null) {
                results = store(window.results(), window.values(), origin, window.firstLine(), windows);
            }
            out.write(results);
            out.flush();
        });
        out.flush();
    }

    /**
     * Stores a batch in one transaction, with its window; if the database refuses it (a constraint no
     * rule foresaw, a concurrent writer), each line again in its own, so only the bad line fails, and
     * the window after them.
     */
    private byte[] store(List<BulkLineResult> lines, List<PartnerBatchWriter.Line> batch, String origin, int first,
            BulkWindows windows) {
        return windows.commit(first,
                () -> Ndjson.render(mapper, lines, batch.isEmpty() ? List.of() : writer.write(batch, origin)),
                failure -> {
                    LOG.warnf(failure, "a partner bulk batch of %d lines failed; storing its lines one by one", batch.size());
                    List<BulkLineResult> results = new ArrayList<>(batch.size());
                    for (PartnerBatchWriter.Line line : batch) {
                        try {
                            results.addAll(QuarkusTransaction.requiringNew()
                                    .call(() -> writer.write(List.of(line), origin)));
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "bulk line %d could not be stored", line.line());
                            results.add(BulkLineResult.failed(line.line(), "", "could not be stored; send the line again"));
                        }
                    }
                    return Ndjson.render(mapper, lines, results);
                });
    }

    /** The checked line with the ids it names, or its FAILED result. */
    private NdjsonWindows.Parsed<PartnerBatchWriter.Line> parse(int number, String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return NdjsonWindows.Parsed.failed(BulkLineResult.failed(number, Ndjson.errorsOf(e)));
        }
        if (!(node instanceof ObjectNode object)) {
            return NdjsonWindows.Parsed.failed(BulkLineResult.failed(number, "", "a line must be one JSON object"));
        }
        List<FieldError> errors = new ArrayList<>(2);
        String system = text(object.remove("system"), "system", errors);
        String externalId = text(object.remove("externalId"), "externalId", errors);
        if (system != null && !ExternalIds.SYSTEM.matcher(system).matches()) {
            errors.add(new FieldError("system", ExternalIds.SYSTEM_MESSAGE));
        }
        if (externalId != null && ExternalIds.idProblem(externalId) != null) {
            errors.add(new FieldError("externalId", ExternalIds.idProblem(externalId)));
        }
        PartnerRequest request;
        try {
            request = mapper.treeToValue(object, PartnerRequest.class);
        } catch (JsonProcessingException e) {
            errors.addAll(Ndjson.errorsOf(e));
            return NdjsonWindows.Parsed.failed(BulkLineResult.failed(number, errors));
        }
        Set<String> present = new HashSet<>();
        object.fieldNames().forEachRemaining(present::add);
        PartnerEdit.Result edit = PartnerEdit.of(request, present);
        errors.addAll(edit.errors());
        if (!errors.isEmpty()) {
            return NdjsonWindows.Parsed.failed(BulkLineResult.failed(number, errors));
        }
        PartnerBatchWriter.Line line = new PartnerBatchWriter.Line(number, system, externalId, edit.edit());
        return NdjsonWindows.Parsed.of(line, line.keys());
    }

    private static String text(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            errors.add(new FieldError(field, "is required on every line"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return value.asText();
    }
}
