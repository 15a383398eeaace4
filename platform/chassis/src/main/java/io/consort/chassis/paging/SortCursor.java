package io.consort.chassis.paging;

import io.consort.chassis.problem.Problems;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The keyset position of a list in a {@link Sort} other than oldest first: the sort it was made for, the last
 * row's sort value (an instant, a text or a whole number) and its id. Opaque to clients like {@link Cursor},
 * whose version byte it continues (2), so neither kind is taken for the other.
 */
record SortCursor(String sort, Object value, UUID id) {

    private static final byte VERSION = 2;
    private static final byte INSTANT = 1;
    private static final byte TEXT = 2;
    private static final byte NUMBER = 3;

    String encode() {
        byte[] spec = sort.getBytes(StandardCharsets.UTF_8);
        byte[] payload;
        byte tag;
        if (value instanceof Instant at) {
            tag = INSTANT;
            payload = ByteBuffer.allocate(12).putLong(at.getEpochSecond()).putInt(at.getNano()).array();
        } else if (value instanceof Number n) {
            tag = NUMBER;
            payload = ByteBuffer.allocate(8).putLong(n.longValue()).array();
        } else {
            tag = TEXT;
            payload = value.toString().getBytes(StandardCharsets.UTF_8);
        }
        ByteBuffer b = ByteBuffer.allocate(1 + 2 + spec.length + 1 + 4 + payload.length + 16);
        b.put(VERSION).putShort((short) spec.length).put(spec).put(tag).putInt(payload.length).put(payload);
        b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Decodes a cursor a client sent back with {@code sort}; anything else is a 400 problem naming {@code cursor}. */
    static SortCursor decode(String token, String expectedSort) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
            if (b.get() != VERSION) {
                throw invalid("is not a cursor of this sort order (sort=" + expectedSort + ")");
            }
            byte[] spec = new byte[b.getShort()];
            b.get(spec);
            String sort = new String(spec, StandardCharsets.UTF_8);
            if (!sort.equals(expectedSort)) {
                throw invalid("was made for sort=" + sort + ", not sort=" + expectedSort);
            }
            byte tag = b.get();
            int length = b.getInt();
            if (length < 0 || length > b.remaining() - 16) {
                throw invalid("is not a cursor this API returned");
            }
            Object value = switch (tag) {
                case INSTANT -> length == 12 ? Instant.ofEpochSecond(b.getLong(), b.getInt()) : null;
                case NUMBER -> length == 8 ? b.getLong() : null;
                case TEXT -> {
                    byte[] text = new byte[length];
                    b.get(text);
                    yield new String(text, StandardCharsets.UTF_8);
                }
                default -> null;
            };
            if (value == null || b.remaining() != 16) {
                throw invalid("is not a cursor this API returned");
            }
            return new SortCursor(sort, value, new UUID(b.getLong(), b.getLong()));
        } catch (IllegalArgumentException | BufferUnderflowException | DateTimeException e) {
            throw invalid("is not a cursor this API returned");
        }
    }

    private static RuntimeException invalid(String message) {
        return Problems.invalidField("cursor", message);
    }
}
