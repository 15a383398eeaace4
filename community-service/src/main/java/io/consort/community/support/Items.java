package io.consort.community.support;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.problem.Problems;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reading one item for the caller and checking {@code If-Match} before changing it, alike for spaces, resources,
 * announcements, threads and posts. What the caller may not see answers 404 exactly like what does not exist,
 * and that check comes first: a change to an item the caller may not see answers 404 whatever its
 * {@code If-Match} says, so a 412 never tells that the item exists.
 */
public final class Items {

    /** An item with a version: its ETag. */
    public interface Versioned {

        long version();
    }

    private Items() {
    }

    /** The item if it exists and {@code visible} admits it, else the 404 problem for {@code kind id}. */
    public static <T> T visible(T item, Predicate<? super T> visible, String kind, UUID id) {
        if (item == null || !visible.test(item)) {
            throw Problems.notFound(kind, id);
        }
        return item;
    }

    /**
     * The item, read through {@link #visible} (so 404 came first), if {@code ifMatch} is absent or names its
     * current version, else the 412 problem.
     */
    public static <T extends Versioned> T toChange(T visibleItem, String ifMatch) {
        ETags.requireMatch(ifMatch, visibleItem.version());
        return visibleItem;
    }
}
