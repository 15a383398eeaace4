package io.consort.campaign.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.bulk.BulkLineResult;
import io.consort.chassis.bulk.Ndjson;
import io.consort.chassis.bulk.NdjsonWindows;
import io.consort.chassis.idempotency.BulkIdempotency;
import io.consort.chassis.idempotency.BulkWindows;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.contracts.events.LeadCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/leads/bulk}: the chassis' {@link Ndjson} spools the body (413 past 100,000 lines, 400 when
 * not UTF-8) and claims the Idempotency-Key; here the lines are parsed and validated one by one, the valid ones
 * stored in windows of {@code consort.campaign.leads.bulk-window} lines (200), each in one transaction ({@link LeadService#upsertBatch}: the
 * external ids of the window looked up and locked with one query, updates in place, new leads created and routed
 * as single leads are), and each window's result lines written as it commits. A bad line gets its FAILED result
 * and never stops the others. A window is cut early where a line names an external id the window already
 * holds, so the second line updates the lead the first created; windows are cut the same way from the same
 * body, which lets a retry with the same Idempotency-Key replay the committed windows and store only the rest.
 */
@ApplicationScoped
public class LeadBulkImport {

    /** Lines stored per transaction: every created lead is routed (a handful of statements each). */
    @ConfigProperty(name = "consort.campaign.leads.bulk-window", defaultValue = "200")
    int windowSize;

    private static final Logger LOG = Logger.getLogger(LeadBulkImport.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    LeadService leads;

    @Inject
    BulkIdempotency idempotency;

    /** The answer; {@code source} and {@code createdBy} are the caller's, taken on the request thread. */
    public Response importLines(InputStream body, LeadCreated.Source source, String createdBy, String idempotencyKey,
            UriInfo uri) {
        return Ndjson.respond(body, "leads-", idempotency, idempotencyKey, uri,
                (spool, windows, out) -> new Run(source, createdBy, windows, out).run(spool));
    }

    private final class Run {

        private final LeadCreated.Source source;
        private final String createdBy;
        private final BulkWindows windows;
        private final OutputStream out;

        Run(LeadCreated.Source source, String createdBy, BulkWindows windows, OutputStream out) {
            this.source = source;
            this.createdBy = createdBy;
            this.windows = windows;
            this.out = out;
        }

        void run(Path spool) throws IOException {
            NdjsonWindows.read(spool, windowSize, false, (number, text) -> {
                LeadBulkLine.Parsed parsed = LeadBulkLine.parse(mapper, validator, text);
                if (!parsed.valid()) {
                    return NdjsonWindows.Parsed.failed(BulkLineResult.failed(number, parsed.errors()));
                }
                LeadBulkLine line = parsed.line();
                return NdjsonWindows.Parsed.of(line, line.hasExternalId() ? List.of(line.key()) : List.of());
            }, this::submit);
            out.flush();
        }

        /** A window: stored now in its own transaction, or replayed from an earlier run with the same key. */
        private void submit(NdjsonWindows.Window<LeadBulkLine> window) throws IOException {
            List<BulkLineResult> lines = window.results();
            List<LeadBulkLine> rows = window.values();
            List<Integer> numbers = window.lines();
            int first = window.firstLine();
            byte[] stored = windows.stored(first);
            if (stored == null) {
                stored = windows.commit(first, () -> Ndjson.render(mapper, lines, store(rows, numbers)), failure -> {
                    // Another import created one of these external ids meanwhile, or the database failed: this
                    // window is lost, the lines before and after it are not.
                    LOG.warnf(failure, "a lead import window of %d lines failed", rows.size());
                    List<BulkLineResult> failed = new ArrayList<>(rows.size());
                    for (Integer number : numbers) {
                        failed.add(BulkLineResult.failed(number, List.of(new FieldError("",
                                "could not be stored (conflicting concurrent change); send the line again"))));
                    }
                    return Ndjson.render(mapper, lines, failed);
                });
            }
            out.write(stored);
            out.flush();
        }

        private List<BulkLineResult> store(List<LeadBulkLine> rows, List<Integer> numbers) {
            if (rows.isEmpty()) {
                return List.of();
            }
            List<LeadService.Stored> stored = leads.upsertBatch(rows, source, createdBy);
            List<BulkLineResult> answered = new ArrayList<>(stored.size());
            for (int i = 0; i < stored.size(); i++) {
                answered.add(BulkLineResult.stored(numbers.get(i), stored.get(i).created(), stored.get(i).id()));
            }
            return answered;
        }
    }
}
