package io.consort.community.support;

import io.consort.chassis.etag.ETags;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The answer to a create: 201, Location of the new item, its ETag and its representation. */
public final class Answers {

    private Answers() {
    }

    public static <T> RestResponse<T> created(UriInfo uri, UUID id, long version, T body) {
        return RestResponse.ResponseBuilder.<T>created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .tag(ETags.tag(version)).entity(body).build();
    }

    public static <T> RestResponse<T> ok(long version, T body) {
        return RestResponse.ResponseBuilder.ok(body).tag(ETags.tag(version)).build();
    }
}
