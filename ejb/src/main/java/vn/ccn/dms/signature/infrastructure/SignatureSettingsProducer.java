package vn.ccn.dms.signature.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.ccn.dms.signature.application.SignatureSettings;

/** Reads {@code dms.signature.*} through MicroProfile Config once, at first use. */
@ApplicationScoped
public class SignatureSettingsProducer {

    @Produces
    @Singleton
    public SignatureSettings signatureSettings() {
        Config config = ConfigProvider.getConfig(SignatureSettingsProducer.class.getClassLoader());
        return SignatureSettings.from(key -> config.getOptionalValue(key, String.class).orElse(null));
    }
}
