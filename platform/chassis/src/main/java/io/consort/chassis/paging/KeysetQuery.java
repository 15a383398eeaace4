package io.consort.chassis.paging;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a keyset-paged list over an entity, ordered by {@code (createdAt, id)}: fetches
 * {@code limit + 1} rows after the cursor, so "is there a next page" costs no count query and
 * concurrent inserts never shift pages. Runs through Panache's entity manager, so the partner-scope
 * filter applies.
 *
 * <pre>{@code
 * Page<Partner> p = KeysetQuery.of(Partner.class)
 *         .where("status = :status", Parameters.with("status", status))
 *         .fetch(page, e -> e.createdAt, e -> e.id);
 * return p.map(PartnerMapper::toDto);
 * }</pre>
 */
public final class KeysetQuery<E> {

    private final Class<E> entity;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String createdAtProperty = "createdAt";
    private String idProperty = "id";

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

    public Page<E> fetch(PageRequest page, Function<E, ?> createdAt, Function<E, UUID> id) {
        int limit = page.limit();
        EntityManager em = Panache.getEntityManager(entity);
        List<String> conditions = new ArrayList<>(where);
        Map<String, Object> bound = new LinkedHashMap<>(params);
        page.after().ifPresent(c -> {
            conditions.add("(" + createdAtProperty + " > :keysetAt or (" + createdAtProperty + " = :keysetAt and "
                    + idProperty + " > :keysetId))");
            bound.put("keysetAt", toAttributeType(c.createdAt(), em));
            bound.put("keysetId", c.id());
        });
        String hql = "from " + em.getMetamodel().entity(entity).getName()
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + createdAtProperty + ", " + idProperty;
        TypedQuery<E> query = em.createQuery(hql, entity).setMaxResults(limit + 1);
        bound.forEach(query::setParameter);
        List<E> rows = query.getResultList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<E> items = rows.subList(0, limit);
        E last = items.get(limit - 1);
        return new Page<>(items, new Cursor(toInstant(createdAt.apply(last)), id.apply(last)).encode());
    }

    private Object toAttributeType(Instant at, EntityManager em) {
        Class<?> type = em.getMetamodel().entity(entity).getAttribute(createdAtProperty).getJavaType();
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
