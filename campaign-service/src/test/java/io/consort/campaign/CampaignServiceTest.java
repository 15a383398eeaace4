package io.consort.campaign;

import io.consort.testkit.ServiceOperationsContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

/**
 * The campaign service boots on the chassis against a real database and broker (declared once on
 * {@link CampaignInfrastructure}): migrated, healthy, documented, measured, and answering problem+json
 * where no resource serves a path.
 */
@QuarkusTest
class CampaignServiceTest extends ServiceOperationsContract {

    @Override
    protected String apiTitle() {
        return "Consort campaign API";
    }

    @Override
    protected Set<String> publicOperations() {
        return Set.of("POST /api/v1/forms/{campaignId}");
    }
}
