package vn.ccn.dms.platform;

import org.eclipse.persistence.config.DescriptorCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;

/**
 * Lets the shared cache serve reference data (agencies, functional roles and their holders, document types,
 * registers: {@code META-INF/eclipselink-orm.xml}) also inside a transaction that has already locked or written
 * rows. EclipseLink's default ({@code ISOLATE_NEW_DATA_AFTER_TRANSACTION}) never puts what such a transaction reads
 * into the shared cache. Numbering locks the document first, so once a register's cache entry had expired, it was
 * read from PostgreSQL on every number, for good: {@code pg_stat_statements} in the foundation benchmark showed one
 * {@code SELECT … FROM register} per number (docs/benchmarks.md, session 5). Reference data is changed only through
 * the application, never inside the transactions that read it here, so the cache is safe to use after the lock.
 */
public class ReferenceDataCache implements DescriptorCustomizer {

    @Override
    public void customize(ClassDescriptor descriptor) {
        descriptor.setUnitOfWorkCacheIsolationLevel(ClassDescriptor.USE_SESSION_CACHE_AFTER_TRANSACTION);
    }
}
