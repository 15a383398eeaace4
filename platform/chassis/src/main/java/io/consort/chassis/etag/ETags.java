package io.consort.chassis.etag;

import io.consort.chassis.problem.Problems;
import jakarta.ws.rs.core.EntityTag;

/**
 * Strong ETags made from an entity's version: {@code "7"}. A PUT/PATCH without {@code If-Match} is
 * allowed (api.md) unless the endpoint insists ({@link #requireIfMatch}); with one, it must name the
 * current version or the answer is 412.
 */
public final class ETags {

    private ETags() {
    }

    /** The header value, quotes included. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** For {@code Response.ok(dto).tag(ETags.tag(version))}. */
    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an {@code If-Match} header against the current version: absent passes; {@code *} passes
     * (the resource exists); otherwise one of its comma-separated tags must be the current strong tag.
     * Weak tags never match, as RFC 9110 requires strong comparison for If-Match.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw Problems.preconditionFailed("If-Match " + ifMatch.trim() + " does not match the current version "
                + current);
    }

    /**
     * Like {@link #requireMatch} for changes that must not be made blind (a PATCH merges into what the
     * client last read): a missing {@code If-Match} is a 428 problem (RFC 6585), a stale one 412.
     */
    public static void requireIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired("This change needs an If-Match header with the ETag you last read");
        }
        requireMatch(ifMatch, currentVersion);
    }
}
