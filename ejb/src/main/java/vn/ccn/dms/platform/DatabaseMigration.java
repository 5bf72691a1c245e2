package vn.ccn.dms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else runs. The data source is defined here, reading its
 * URL and credentials through MicroProfile Config ({@code dms.db.*}, e.g. the environment variables
 * {@code DMS_DB_URL}, {@code DMS_DB_USER}, {@code DMS_DB_PASSWORD}), so one EAR serves every environment.
 */
@DataSourceDefinitions({
    @DataSourceDefinition(
            name = "java:app/jdbc/dms",
            className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=dms.db.url}",
            user = "${MPCONFIG=dms.db.user}",
            password = "${MPCONFIG=dms.db.password}",
            minPoolSize = 2,
            maxPoolSize = 40,
            properties = {"fish.payara.is-connection-validation-required=true",
                    "fish.payara.connection-validation-method=auto-commit"}),
    // EclipseLink takes blocks of ids from dms_seq on a connection of its own (persistence.xml). From the main
    // pool that was a deadlock under load: the thread refilling the block waited for a free connection while
    // holding the sequencing lock, and every connection was held by a request queued behind a register
    // counter whose holder waited for an id (found by the foundation benchmark; NumberingConcurrencyIT).
    @DataSourceDefinition(
            name = "java:app/jdbc/dms-sequence",
            className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=dms.db.url}",
            user = "${MPCONFIG=dms.db.user}",
            password = "${MPCONFIG=dms.db.password}",
            transactional = false,
            minPoolSize = 1,
            maxPoolSize = 4,
            properties = {"fish.payara.is-connection-validation-required=true",
                    "fish.payara.connection-validation-method=auto-commit"})
})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/dms")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
    }
}
