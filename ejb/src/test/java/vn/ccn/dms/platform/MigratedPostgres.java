package vn.ccn.dms.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.flywaydb.core.Flyway;

/** A real PostgreSQL for unit tests of the schema: started embedded and migrated with every Flyway migration. */
public final class MigratedPostgres {

    private MigratedPostgres() {
    }

    /** Starts one and migrates it; the caller closes it. */
    public static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        return postgres;
    }
}
