package vn.ccn.dms.platform;

import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.DescriptorCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.invalidation.TimeToLiveCacheInvalidationPolicy;
import vn.ccn.dms.config.DmsSettings;

/**
 * The shared-cache policy of reference data (agencies, functional roles and their holders, document types,
 * registers: {@code META-INF/eclipselink-orm.xml}).
 *
 * <p>Entries live {@code dms.cache.reference-seconds} (default 60): changes made through the application update this
 * node's cache at commit, and the other nodes of a cluster see them when their entry expires.
 *
 * <p>The shared cache also serves reference data inside a transaction that has already locked or written rows.
 * EclipseLink's default ({@code ISOLATE_NEW_DATA_AFTER_TRANSACTION}) never puts what such a transaction reads into the
 * shared cache. Numbering locks the document first, so once a register's cache entry had expired, it was read from
 * PostgreSQL on every number, for good: {@code pg_stat_statements} in the foundation benchmark showed one
 * {@code SELECT … FROM register} per number (docs/benchmarks.md, session 5). Reference data is changed only through
 * the application, never inside the transactions that read it here, so the cache is safe to use after the lock.
 */
public class ReferenceDataCache implements DescriptorCustomizer {

    @Override
    public void customize(ClassDescriptor descriptor) {
        descriptor.setUnitOfWorkCacheIsolationLevel(ClassDescriptor.USE_SESSION_CACHE_AFTER_TRANSACTION);
        Config config = ConfigProvider.getConfig(ReferenceDataCache.class.getClassLoader());
        long seconds = DmsSettings.from(key -> config.getOptionalValue(key, String.class).orElse(null))
                .referenceCacheSeconds();
        descriptor.setCacheInvalidationPolicy(new TimeToLiveCacheInvalidationPolicy(TimeUnit.SECONDS.toMillis(seconds)));
    }
}
