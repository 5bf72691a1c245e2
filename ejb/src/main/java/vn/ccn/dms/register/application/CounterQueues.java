package vn.ccn.dms.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.ccn.dms.config.DmsSettings;

/** Makes this node's one {@link CounterQueue} from {@code dms.numbering.queue-wait-ms}. */
@ApplicationScoped
public class CounterQueues {

    @Produces
    @Singleton
    public CounterQueue queue(DmsSettings settings) {
        return new CounterQueue(settings.numberingQueueWaitMillis());
    }
}
