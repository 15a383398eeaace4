package io.consort.chassis.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list answer: {@code {"items": [...], "nextCursor": "..." | null}}. */
@Schema(description = "One page of a list; pass nextCursor back as ?cursor= for the next one (null on the last page)",
        example = """
                {"items": [], "nextCursor": "AQAAAABrCTiAAAAAAD8Ma35dKkwemot8bV5POis"}""")
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
