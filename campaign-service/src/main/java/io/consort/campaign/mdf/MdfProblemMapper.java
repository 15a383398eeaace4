package io.consort.campaign.mdf;

import io.consort.chassis.problem.ProblemResponses;
import io.consort.contracts.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The MDF refusals as problems: a state that does not allow the action is a 409; an approval beyond what remains
 * is a 422 whose detail names the remaining balance; an amount in another currency is a 422; so is what a
 * program's allocation rule refuses, the detail naming the rule.
 */
public class MdfProblemMapper {

    @ServerExceptionMapper
    public Response transition(IllegalMdfTransitionException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.CONFLICT, e.getMessage(), uri.getRequestUri().getRawPath());
    }

    @ServerExceptionMapper
    public Response funds(InsufficientFundsException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.UNPROCESSABLE, e.getMessage(), uri.getRequestUri().getRawPath());
    }

    @ServerExceptionMapper
    public Response currency(CurrencyMismatchException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.UNPROCESSABLE, e.getMessage(), uri.getRequestUri().getRawPath());
    }

    @ServerExceptionMapper
    public Response rule(AllocationRuleViolation e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.UNPROCESSABLE, e.getMessage(), uri.getRequestUri().getRawPath());
    }
}
