package io.consort.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    private static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml is not on the classpath");
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertTrue(doc.path("asyncapi").asText().startsWith("3."), doc.path("asyncapi").asText());
        assertFalse(doc.path("info").path("title").asText().isBlank());
        assertEquals("kafka", doc.path("servers").path("local").path("protocol").asText());
    }

    @Test
    void listsEveryTopic() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertEquals(Topics.ALL.stream().sorted().toList(), addresses.stream().sorted().toList());
    }

    @Test
    void everyEventTypeInUseIsAMessageOnItsTopicWithItsSchema() {
        Map<String, String> topicOfMessage = topicOfEveryMessage();
        for (EventType<?> type : EventTypes.ALL) {
            assertEquals(type.topic(), topicOfMessage.get(type.ceType()), type.ceType() + " is not on its topic");
            JsonNode message = doc.path("components").path("messages").path(type.ceType());
            assertEquals("./" + EventSchemas.resourcePath(type.ceType()),
                    message.path("payload").path("schema").path("$ref").asText(), type.ceType() + " payload");
            assertTrue(message.path("x-consort-status").isMissingNode(), type.ceType() + " is in use, not planned");
        }
    }

    @Test
    void aMessageWithoutASchemaIsMarkedPlannedAndEveryReferencedSchemaExists() {
        doc.path("components").path("messages").fields().forEachRemaining(entry -> {
            String ce = entry.getKey();
            JsonNode message = entry.getValue();
            assertEquals(ce, message.path("name").asText());
            assertFalse(message.path("summary").asText().isBlank(), ce + " has no summary");
            String ref = message.path("payload").path("schema").path("$ref").asText(null);
            if (ref == null) {
                assertEquals("planned", message.path("x-consort-status").asText(), ce + " has neither a schema nor a plan");
                assertTrue(EventTypes.byCeType(ce).isEmpty(), ce + " is in use but has no schema in the document");
            } else {
                assertTrue(EventSchemas.hasSchema(ce), ce + " refers to a missing schema " + ref);
            }
        });
    }

    @Test
    void everyMessageCarriesTheCloudEventsHeaders() {
        JsonNode headers = doc.path("components").path("messageTraits").path("cloudEvent").path("headers");
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(n -> required.add(n.asText()));
        assertTrue(required.containsAll(List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type")),
                required.toString());
        assertFalse(headers.path("properties").path("ce_subject").isMissingNode());
        doc.path("components").path("messages").fields().forEachRemaining(entry -> assertEquals(
                "#/components/messageTraits/cloudEvent", entry.getValue().path("traits").path(0).path("$ref").asText(),
                entry.getKey()));
    }

    @Test
    void operationsReferOnlyToMessagesOfTheirChannel() {
        doc.path("operations").fields().forEachRemaining(entry -> {
            String channelRef = entry.getValue().path("channel").path("$ref").asText();
            assertTrue(channelRef.startsWith("#/channels/"), entry.getKey());
            String channel = channelRef.substring("#/channels/".length());
            assertFalse(doc.path("channels").path(channel).isMissingNode(), entry.getKey() + " -> " + channelRef);
            entry.getValue().path("messages").forEach(ref -> {
                String prefix = channelRef + "/messages/";
                String r = ref.path("$ref").asText();
                assertTrue(r.startsWith(prefix), entry.getKey() + ": " + r);
                assertFalse(doc.path("channels").path(channel).path("messages").path(r.substring(prefix.length())).isMissingNode(), r);
            });
        });
    }

    @Test
    void coversTheWholeCatalogueOfEventsMd() {
        // events.md lists 16 recruitment, 6 community, 17 campaign and 3 performance event types.
        Map<String, Integer> expected = Map.of(Topics.PARTNERS, 16, Topics.COMMUNITY, 6, Topics.CAMPAIGNS, 17, Topics.PERFORMANCE, 3);
        Map<String, Integer> counted = new HashMap<>();
        topicOfEveryMessage().values().forEach(topic -> counted.merge(topic, 1, Integer::sum));
        assertEquals(expected, counted);
    }

    private static Map<String, String> topicOfEveryMessage() {
        Map<String, String> topicOf = new HashMap<>();
        doc.path("channels").forEach(channel -> channel.path("messages").fields().forEachRemaining(m -> {
            assertEquals("#/components/messages/" + m.getKey(), m.getValue().path("$ref").asText());
            topicOf.put(m.getKey(), channel.path("address").asText());
        }));
        return topicOf;
    }
}
