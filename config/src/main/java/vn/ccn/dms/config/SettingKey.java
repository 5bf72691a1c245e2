package vn.ccn.dms.config;

/**
 * Every configuration key the application reads, with its shipped default. Keys are MicroProfile Config
 * names; the environment form replaces dots and dashes with underscores and upper-cases the name
 * ({@code dms.content.root} becomes {@code DMS_CONTENT_ROOT}).
 */
public enum SettingKey {
    /** JDBC URL of the PostgreSQL database; read by the data source definition at deployment. */
    DB_URL("dms.db.url", "jdbc:postgresql://127.0.0.1:5432/dms"),
    /** Database user. */
    DB_USER("dms.db.user", "dms"),
    /** Database password; never committed, give it through the environment or a password alias. */
    DB_PASSWORD("dms.db.password", ""),
    /** Folder of the file-system content store. */
    CONTENT_ROOT("dms.content.root", System.getProperty("user.home") + "/.ccn-dms/content"),
    /** Largest accepted upload in bytes (default 100 MiB). */
    UPLOAD_MAX_BYTES("dms.upload.max-bytes", "104857600"),
    /** Media types accepted on upload, comma separated, detected from content. */
    UPLOAD_ALLOWED_TYPES("dms.upload.allowed-types",
            "application/pdf,image/png,image/jpeg,image/tiff,text/plain,"
                    + "application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                    + "application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                    + "application/vnd.oasis.opendocument.text,application/rtf,application/xml,text/xml"),
    /** Minutes a blob with no database row is kept before the sweeper deletes it. */
    CONTENT_ORPHAN_GRACE_MINUTES("dms.content.orphan-grace-minutes", "60"),
    /** Time zone of the agencies: registers, numbering years and deadlines are computed in it. */
    TIME_ZONE("dms.time-zone", "Asia/Ho_Chi_Minh"),
    /** Largest page size of list endpoints. */
    PAGE_MAX_SIZE("dms.api.page-max-size", "200"),
    /**
     * Longest wait, in milliseconds, of a request in this node's queue for a numbering series before it goes to the
     * counter row anyway; 0 turns the queue off (every request then waits on the row in PostgreSQL).
     */
    NUMBERING_QUEUE_WAIT_MS("dms.numbering.queue-wait-ms", "2000"),
    /**
     * Seconds this node serves reference data (agencies, functional roles and their holders, document types,
     * registers) from its shared cache before reading it again: the bound on how late the other nodes of a cluster
     * see a change made on one of them. Read at deployment.
     */
    REFERENCE_CACHE_SECONDS("dms.cache.reference-seconds", "60");

    private final String key;
    private final String defaultValue;

    SettingKey(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }
}
