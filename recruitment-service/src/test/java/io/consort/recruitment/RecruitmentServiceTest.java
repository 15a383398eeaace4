package io.consort.recruitment;

import io.consort.testkit.ServiceOperationsContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

/** Health, metrics, API document and anonymous access, as every service answers them. */
@QuarkusTest
class RecruitmentServiceTest extends ServiceOperationsContract {

    @Override
    protected String apiTitle() {
        return "Consort recruitment API";
    }

    @Override
    protected Set<String> publicOperations() {
        return Set.of(
                "POST /api/v1/applications",
                "POST /api/v1/applications/{id}/withdraw",
                "POST /api/v1/applications/{id}/provide-info",
                "GET /api/v1/partner-directory");
    }
}
