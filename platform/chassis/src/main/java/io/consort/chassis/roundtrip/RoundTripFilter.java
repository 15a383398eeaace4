package io.consort.chassis.roundtrip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.problem.ProblemMappers;
import io.consort.chassis.problem.ProblemResponses;
import io.consort.chassis.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Takes the read-only fields of a {@link RoundTrip} endpoint's JSON body out before it is read (see there).
 * Jackson's own {@code @JsonIgnoreProperties} could drop them, but not check the id against the path nor turn
 * the version into a precondition, which is what makes a round trip safe rather than merely accepted.
 */
public class RoundTripFilter {

    static final String VERSION = "version";

    @Inject
    ObjectMapper mapper;

    @Inject
    ReadOnlyFields readOnlyFields;

    // Before the idempotency filter and long before the body is read into the endpoint's parameter.
    @ServerRequestFilter(priority = Priorities.USER)
    public Response onRequest(ContainerRequestContext request, ResourceInfo resource, UriInfo uri) throws IOException {
        Method method = resource.getResourceMethod();
        RoundTrip roundTrip = method == null ? null : method.getAnnotation(RoundTrip.class);
        if (roundTrip == null || !request.hasEntity() || request.getMediaType() == null
                || !request.getMediaType().getSubtype().endsWith("json")) {
            return null;
        }
        byte[] raw = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(raw));
        JsonNode body;
        try {
            body = mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            return null; // the endpoint's reader answers a malformed body as usual
        }
        if (!(body instanceof ObjectNode object)) {
            return null;
        }
        Map<String, JsonNode> taken = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of(roundTrip.readOnly()));
        names.add(roundTrip.idField());
        names.add(VERSION);
        for (String name : names) {
            if (object.has(name)) {
                taken.put(name, object.remove(name));
            }
        }
        if (taken.isEmpty()) {
            return null;
        }
        String path = ProblemMappers.path(uri);
        try {
            checkId(roundTrip, taken.get(roundTrip.idField()), uri);
            checkVersion(taken.get(VERSION), request);
        } catch (RuntimeException refused) {
            return ProblemMappers.toResponse(refused, uri, null);
        }
        readOnlyFields.set(taken);
        request.setEntityStream(new ByteArrayInputStream(mapper.writeValueAsBytes(object)));
        return null;
    }

    private static void checkId(RoundTrip roundTrip, JsonNode id, UriInfo uri) {
        if (id == null || id.isNull() || roundTrip.idParam().isEmpty()) {
            return;
        }
        String expected = uri.getPathParameters().getFirst(roundTrip.idParam());
        if (expected != null && !(id.isTextual() && id.asText().equalsIgnoreCase(expected))) {
            throw Problems.invalidField(roundTrip.idField(), "must be the id in the path (" + expected
                    + "); it cannot be changed");
        }
    }

    private static void checkVersion(JsonNode version, ContainerRequestContext request) {
        if (version == null || version.isNull()) {
            return;
        }
        if (!version.canConvertToLong() || !version.isIntegralNumber() || version.asLong() < 0) {
            throw Problems.invalidField(VERSION, "must be the version a GET answered (a whole number)");
        }
        String tag = ETags.of(version.asLong());
        String ifMatch = request.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            request.getHeaders().putSingle(HttpHeaders.IF_MATCH, tag);
        } else if (!ifMatch.strip().equals(tag)) {
            throw Problems.invalidField(VERSION, "contradicts If-Match " + ifMatch.strip());
        }
    }
}
