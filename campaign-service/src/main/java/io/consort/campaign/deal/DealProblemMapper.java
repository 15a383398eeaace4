package io.consort.campaign.deal;

import io.consort.chassis.problem.ProblemResponses;
import io.consort.contracts.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A transition the registration's state refuses is a 409 problem saying what and from where. */
public class DealProblemMapper {

    @ServerExceptionMapper
    public Response map(IllegalDealTransitionException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.CONFLICT, e.getMessage(), uri.getRequestUri().getRawPath());
    }
}
