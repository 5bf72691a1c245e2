package vn.ccn.dms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AgencyLevel;

/**
 * Creates the first administrator when {@code dms.bootstrap.admin-password} is configured and no
 * {@code admin} exists, so a new installation can be set up through the API without SQL. The password
 * comes from the environment or a password alias, never from the repository.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @EJB
    private DirectoryService directory;

    @PostConstruct
    void createAdministrator() {
        Config config = ConfigProvider.getConfig(Bootstrap.class.getClassLoader());
        String password = config.getOptionalValue("dms.bootstrap.admin-password", String.class).orElse(null);
        if (password == null || password.isBlank()) {
            return;
        }
        var agency = new DirectoryService.NewAgency(
                config.getOptionalValue("dms.bootstrap.agency-code", String.class).orElse("000.00.00.H37"),
                config.getOptionalValue("dms.bootstrap.agency-name", String.class).orElse("Ủy ban nhân dân tỉnh Lạng Sơn"),
                config.getOptionalValue("dms.bootstrap.agency-short-name", String.class).orElse("UBND"),
                AgencyLevel.PROVINCE, null);
        if (directory.bootstrapAdministrator(agency, password)) {
            LOG.info("created the bootstrap administrator 'admin' in agency " + agency.code());
        }
    }
}
