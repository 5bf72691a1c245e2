package vn.ccn.dms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
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
@DataSourceDefinition(
        name = "java:app/jdbc/dms",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=dms.db.url}",
        user = "${MPCONFIG=dms.db.user}",
        password = "${MPCONFIG=dms.db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"})
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
