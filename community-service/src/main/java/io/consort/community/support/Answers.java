package io.consort.community.support;

import io.consort.chassis.etag.ETags;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The answers with an item: a create's 201 with Location, ETag and representation; a read's or change's 200 with ETag. */
public final class Answers {

    private Answers() {
    }

    public static <T> RestResponse<T> created(UriInfo uri, UUID id, long version, T body) {
        return RestResponse.ResponseBuilder.<T>created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .tag(ETags.tag(version)).entity(body).build();
    }

    /** 200 with the item's ETag. */
    public static <T> RestResponse<T> ok(Items.Versioned item, T body) {
        return RestResponse.ResponseBuilder.ok(body).tag(ETags.tag(item.version())).build();
    }
}
