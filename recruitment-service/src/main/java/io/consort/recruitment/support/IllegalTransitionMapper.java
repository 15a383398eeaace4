package io.consort.recruitment.support;

import io.consort.chassis.problem.ProblemResponses;
import io.consort.contracts.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class IllegalTransitionMapper {

    @ServerExceptionMapper
    public Response map(IllegalTransitionException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.CONFLICT, e.getMessage(), uri.getRequestUri().getRawPath());
    }
}
