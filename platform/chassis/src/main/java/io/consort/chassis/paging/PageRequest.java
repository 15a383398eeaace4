package io.consort.chassis.paging;

import io.consort.chassis.problem.Problems;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code ?limit=&cursor=} of a list endpoint. Take it as {@code @BeanParam PageRequest page} or
 * build it with {@link #of(Integer, String)}; both are checked on first use (400 problem naming the
 * parameter), since a bean param cannot throw while being filled.
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    // A String, not an Integer: JAX-RS answers 404 to an unconvertible query parameter. Documented as
    // the integer it must be.
    @QueryParam("limit")
    @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = "1", maximum = "200", defaultValue = "50", examples = "50"))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "Where to continue: the nextCursor of the previous page (opaque); absent for the first "
            + "page",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]+$", maxLength = 200,
                    examples = "AQAAAABpUjpYAAAAAAtPXw9Y9kH3m7QyEp6pK0w"))
    String cursor;

    public PageRequest() {
    }

    private PageRequest(Integer limit, String cursor) {
        this.limit = limit == null ? null : limit.toString();
        this.cursor = cursor;
    }

    /** Validates immediately. */
    public static PageRequest of(Integer limit, String cursor) {
        PageRequest p = new PageRequest(limit, cursor);
        p.limit();
        p.after();
        return p;
    }

    public int limit() {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw Problems.invalidField("limit", "must be a number between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    /** The position to continue after, or empty for the first page. */
    public Optional<Cursor> after() {
        return cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(Cursor.decode(cursor));
    }

    /** The raw cursor parameter (for endpoints keyed on something other than createdAt/id). */
    public Optional<String> rawCursor() {
        return cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(cursor);
    }
}
