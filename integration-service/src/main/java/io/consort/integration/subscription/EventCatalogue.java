package io.consort.integration.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The event types a subscription may choose from: every message of the suite's AsyncAPI document
 * ({@code asyncapi.yaml} in platform/contracts, the machine-checked form of events.md), planned ones
 * included, so a subscription can wait for an event whose producer is not built yet.
 */
public final class EventCatalogue {

    private static final List<String> TYPES = load();

    private EventCatalogue() {
    }

    /** Every CloudEvents type of the catalogue, e.g. {@code consort.deal.won.v1}, in document order. */
    public static List<String> types() {
        return TYPES;
    }

    private static List<String> load() {
        try (InputStream in = EventCatalogue.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi.yaml (platform/contracts) is not on the class path");
            }
            JsonNode channels = new ObjectMapper(new YAMLFactory()).readTree(in).path("channels");
            List<String> types = new ArrayList<>();
            for (Iterator<JsonNode> it = channels.elements(); it.hasNext();) {
                it.next().path("messages").fieldNames().forEachRemaining(types::add);
            }
            if (types.isEmpty()) {
                throw new IllegalStateException("asyncapi.yaml lists no messages");
            }
            return List.copyOf(types);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event catalogue", e);
        }
    }
}
