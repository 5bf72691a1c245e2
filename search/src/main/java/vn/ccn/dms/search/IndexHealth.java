package vn.ccn.dms.search;

import java.util.Objects;

/**
 * State of the search index for the health endpoint.
 *
 * @param status        overall state
 * @param alias         the alias searches go through
 * @param index         the concrete index behind it, or {@code null} when there is none
 * @param documentCount entries in the live index, or -1 when unknown
 * @param detail        a short explanation when not {@link Status#GREEN}, otherwise empty
 */
public record IndexHealth(Status status, String alias, String index, long documentCount, String detail) {

    public enum Status {
        /** Every shard and replica assigned. */
        GREEN,
        /** Searchable; some replicas unassigned (normal on a single node). */
        YELLOW,
        /** Some primary shard unassigned: searches may miss documents. */
        RED,
        /** The cluster answers but the alias does not exist yet ({@link DocumentIndex#ensureIndex()} not run). */
        INDEX_MISSING,
        /** The cluster does not answer. */
        UNAVAILABLE
    }

    public IndexHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(alias, "alias");
        detail = detail == null ? "" : detail;
    }

    /** Whether searches can be served (green or yellow). */
    public boolean searchable() {
        return status == Status.GREEN || status == Status.YELLOW;
    }
}
