package vn.ccn.dms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.ccn.dms.config.DmsSettings;

/** Produces the clock and the typed settings; tests and other environments replace them by configuration. */
@ApplicationScoped
public class Platform {

    private final DmsSettings settings;
    private final Clock clock;

    public Platform() {
        Config config = ConfigProvider.getConfig(Platform.class.getClassLoader());
        this.settings = DmsSettings.from(key -> config.getOptionalValue(key, String.class).orElse(null));
        Clock system = Clock.system(settings.zone());
        // Test environments only (docs/configuration.md): lets an IT move time past a deadline.
        this.clock = config.getOptionalValue("dms.clock.adjustable", Boolean.class).orElse(false)
                ? new AdjustableClock(system) : system;
    }

    @Produces
    @Singleton
    public DmsSettings settings() {
        return settings;
    }

    @Produces
    @Singleton
    public Clock clock() {
        return clock;
    }
}
