package io.consort.chassis.paging;

import io.consort.chassis.problem.Problems;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.Attribute;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a keyset-paged list over an entity, ordered by {@code (createdAt, id)} or by a {@link Sort}: fetches
 * {@code limit + 1} rows after the cursor, so "is there a next page" costs no count query and
 * concurrent inserts never shift pages. Runs through Panache's entity manager, so the partner-scope
 * filter applies.
 *
 * <pre>{@code
 * // performance-service's PartnerFacts.history: a partner's facts, keyed by (occurredAt, id)
 * Page<PartnerFact> facts = KeysetQuery.of(PartnerFact.class)
 *         .where("partnerId = :partnerId", Parameters.with("partnerId", partnerId))
 *         .keys("occurredAt", "id")
 *         .fetch(page, f -> f.occurredAt, f -> f.id);
 * }</pre>
 * Without {@link #keys} the keys are the entity's {@code createdAt} and {@code id}; with {@link #sort}
 * the order is the sort's property, then {@code id} (a {@link SortCursor}).
 */
public final class KeysetQuery<E> {

    private final Class<E> entity;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String createdAtProperty = "createdAt";
    private String idProperty = "id";
    private Sort sort = Sort.OLDEST_FIRST;

    private KeysetQuery(Class<E> entity) {
        this.entity = entity;
    }

    public static <E> KeysetQuery<E> of(Class<E> entity) {
        return new KeysetQuery<>(entity);
    }

    /** An HQL condition on the entity (alias-free, like Panache's short form) and its named parameters. */
    public KeysetQuery<E> where(String condition, Map<String, Object> parameters) {
        if (condition != null && !condition.isBlank()) {
            this.where.add("(" + condition + ")");
        }
        this.params.putAll(parameters);
        return this;
    }

    /**
     * The optional equality filter of a list endpoint ({@code ?state=ACTIVE}): {@code property = value}
     * when a value is given, nothing when it is {@code null}. Conditions add up with {@code and}.
     */
    public KeysetQuery<E> whereEqual(String property, Object valueOrNull) {
        if (valueOrNull == null) {
            return this;
        }
        String parameter = "eq" + params.size() + "_" + property.replaceAll("[^A-Za-z0-9]", "_");
        return where(property + " = :" + parameter, Map.of(parameter, valueOrNull));
    }

    public KeysetQuery<E> where(String condition, Parameters parameters) {
        return where(condition, parameters.map());
    }

    public KeysetQuery<E> where(String condition) {
        return where(condition, Map.of());
    }

    /** Keys other than {@code createdAt} / {@code id}. */
    public KeysetQuery<E> keys(String createdAtProperty, String idProperty) {
        this.createdAtProperty = createdAtProperty;
        this.idProperty = idProperty;
        return this;
    }

    /** Another order than oldest first ({@code ?sort=}); ties are broken by the id in the same direction. */
    public KeysetQuery<E> sort(Sort newSort) {
        this.sort = newSort;
        return this;
    }

    public Page<E> fetch(PageRequest page, Function<E, ?> createdAt, Function<E, UUID> id) {
        int limit = page.limit();
        EntityManager em = Panache.getEntityManager(entity);
        if (sort.equals(Sort.OLDEST_FIRST) || sort.property().equals(createdAtProperty) && !sort.descending()) {
            Optional<Cursor> after = page.after();
            return fetch(em, limit, createdAtProperty, false, after.map(c -> toAttributeType(c.createdAt(), em)),
                    after.map(Cursor::id), last -> new Cursor(toInstant(createdAt.apply(last)),
                            id.apply(last)).encode());
        }
        Attribute<? super E, ?> attribute = em.getMetamodel().entity(entity).getAttribute(sort.property());
        Optional<SortCursor> after = page.rawCursor().map(raw -> SortCursor.decode(raw, sort.spec()));
        return fetch(em, limit, sort.property(), sort.descending(),
                after.map(c -> fromCursorValue(c.value(), attribute.getJavaType())), after.map(SortCursor::id),
                last -> new SortCursor(sort.spec(), toCursorValue(sortValue(attribute, last)),
                        id.apply(last)).encode());
    }

    /** {@code limit + 1} rows after {@code (afterValue, afterId)} in {@code (property, id)} order. */
    private Page<E> fetch(EntityManager em, int limit, String property, boolean descending, Optional<Object> afterValue,
            Optional<UUID> afterId, Function<E, String> cursorAfter) {
        String direction = descending ? " desc" : "";
        String beyond = descending ? " < " : " > ";
        List<String> conditions = new ArrayList<>(where);
        Map<String, Object> bound = new LinkedHashMap<>(params);
        if (afterValue.isPresent() && afterId.isPresent()) {
            conditions.add("(" + property + beyond + ":keysetValue or (" + property + " = :keysetValue and "
                    + idProperty + beyond + ":keysetId))");
            bound.put("keysetValue", afterValue.get());
            bound.put("keysetId", afterId.get());
        }
        String hql = "from " + em.getMetamodel().entity(entity).getName()
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + property + direction + ", " + idProperty + direction;
        TypedQuery<E> query = em.createQuery(hql, entity).setMaxResults(limit + 1);
        bound.forEach(query::setParameter);
        List<E> rows = query.getResultList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<E> items = rows.subList(0, limit);
        return new Page<>(items, cursorAfter.apply(items.get(limit - 1)));
    }

    private Object sortValue(Attribute<?, ?> attribute, E row) {
        Object value = read(attribute, row);
        if (value == null) {
            throw new IllegalStateException("sort key " + attribute.getName() + " of " + entity.getSimpleName()
                    + " is null; only non-null properties can be sort keys");
        }
        return value;
    }

    private static Object read(Attribute<?, ?> attribute, Object row) {
        Member member = attribute.getJavaMember();
        try {
            if (member instanceof Field field) {
                field.setAccessible(true);
                return field.get(row);
            }
            Method getter = (Method) member;
            getter.setAccessible(true);
            return getter.invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read sort key " + attribute.getName(), e);
        }
    }

    private static Object toCursorValue(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Number || value instanceof String) {
            return value;
        }
        return toInstant(value);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object fromCursorValue(Object value, Class<?> type) {
        if (type.isEnum()) {
            try {
                return Enum.valueOf((Class<? extends Enum>) type, value.toString());
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField("cursor", "is not a cursor this API returned");
            }
        }
        if (value instanceof Instant at) {
            return toAttributeType(at, type);
        }
        if (value instanceof Long n) {
            if (type == Integer.class || type == int.class) {
                return n.intValue();
            }
            if (type == Short.class || type == short.class) {
                return n.shortValue();
            }
            return n;
        }
        return value;
    }

    private Object toAttributeType(Instant at, EntityManager em) {
        return toAttributeType(at, em.getMetamodel().entity(entity).getAttribute(createdAtProperty).getJavaType());
    }

    private static Object toAttributeType(Instant at, Class<?> type) {
        if (type == OffsetDateTime.class) {
            return at.atOffset(ZoneOffset.UTC);
        }
        if (type == ZonedDateTime.class) {
            return at.atZone(ZoneOffset.UTC);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        }
        return at;
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("keyset timestamp of unsupported type " + value);
    }
}
