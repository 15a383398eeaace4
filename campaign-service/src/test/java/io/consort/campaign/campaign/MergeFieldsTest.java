package io.consort.campaign.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Merge-field checks and the translation to Qute, without Quarkus (rendering is in CampaignFlowTest). */
class MergeFieldsTest {

    @Test
    void knownFieldsPassAndTyposAreNamed() {
        assertEquals(List.of(), MergeFields.problems("a", "Hi {{partner.name}}, {{ trackedLink }} {{campaign.name}}"));
        assertEquals(List.of("a: unknown merge field {{partner.nmae}}"), MergeFields.problems("a", "Hi {{partner.nmae}}"));
        assertEquals(List.of("a: unknown merge field {{logo}}"), MergeFields.problems("a", "{{logo}}"));
    }

    @Test
    void strayDoubleBracesAreMalformed() {
        assertTrue(MergeFields.problems("a", "Hi {{partner name}}").get(0).contains("malformed"));
        assertTrue(MergeFields.problems("a", "Hi {{partner.name}").get(0).contains("malformed"));
        assertEquals(List.of(), MergeFields.problems("a", "css p{color:red} is fine"));
        assertEquals(List.of(), MergeFields.problems("a", null));
    }

    @Test
    void fieldsBecomeQuteExpressionsAndOtherBracesStayText() {
        assertEquals("<style>p\\{color:red\\}</style>{partner.name}", MergeFields.toQute("<style>p{color:red}</style>{{partner.name}}"));
        assertEquals("{trackedLink} \\{x\\}", MergeFields.toQute("{{ trackedLink }} {x}"));
    }

    @Test
    void publishingNeedsKnownFieldsAndAnAsset() {
        Campaign campaign = new Campaign();
        campaign.state = CampaignState.DRAFT;
        campaign.assets = List.of(new Asset("Mail", "{{partner.name}}", "{{trackedLnk}}", null));
        var problem = org.junit.jupiter.api.Assertions.assertThrows(io.consort.chassis.problem.ProblemException.class,
                () -> campaign.publish(java.time.Instant.now()));
        assertEquals(422, problem.toProblem().status());
        assertTrue(problem.getMessage().contains("{{trackedLnk}}"), problem.getMessage());
        assertEquals(CampaignState.DRAFT, campaign.state);
        campaign.assets = List.of(new Asset("Mail", "{{partner.name}}", "{{trackedLink}}", "<p>{{partner.logoUrl}}</p>"));
        campaign.publish(java.time.Instant.now());
        assertEquals(CampaignState.PUBLISHED, campaign.state);
    }
}
