package vn.ccn.dms.document.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.document.domain.ContentStore;

/** Chooses the content store adapter: the file system under {@code dms.content.root}. */
@ApplicationScoped
public class ContentStoreProducer {

    @Inject
    DmsSettings settings;

    @Inject
    Clock clock;

    @Produces
    @Singleton
    public ContentStore contentStore() {
        try {
            return new FileSystemContentStore(settings.contentRoot(), new MediaTypeDetector(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the content store at " + settings.contentRoot(), e);
        }
    }
}
