package io.consort.community.search;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One search result. */
@Schema(name = "SearchHit", example = """
        {"kind": "POST", "id": "1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4e", "threadId": "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b",
         "title": "How do I register a renewal?", "snippet": "each <mark>renewal</mark> is registered again",
         "rank": 0.0759}""")
public record SearchHit(
        @Schema(required = true, description = "RESOURCE, THREAD or POST", example = "POST") Kind kind,
        @Schema(required = true, description = "The resource, thread or post", example = "1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4e")
        UUID id,
        @Schema(nullable = true, description = "The thread of a thread or post hit", example = "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b")
        UUID threadId,
        @Schema(required = true, description = "The resource's or the thread's title", example = "How do I register a renewal?")
        String title,
        @Schema(required = true, description = "Matching text, HTML-escaped, matches in <mark>",
                example = "each <mark>renewal</mark> is registered again") String snippet,
        @Schema(required = true, description = "Relevance (higher first)", example = "0.0759") float rank) {

    /** What a hit is. */
    public enum Kind {
        RESOURCE,
        THREAD,
        POST
    }
}
