package vn.ccn.dms.outbox.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Polls the outbox for due rows of the workflow topics (copies, notifications, deemed consent, reminders, late
 * notices) every {@code dms.workflow.poll-seconds}. The timer itself is not persistent: the durable part is the
 * outbox row, which survives restarts and is claimed by one node at a time.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ScheduledWorkRunner {

    private static final Logger LOG = Logger.getLogger(ScheduledWorkRunner.class.getName());
    private static final int MAX_PER_TICK = 200;

    @Resource
    private TimerService timers;

    @EJB
    private ScheduledWorkExecutor executor;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        long seconds = ConfigProvider.getConfig(ScheduledWorkRunner.class.getClassLoader())
                .getOptionalValue("dms.workflow.poll-seconds", Long.class).orElse(15L);
        long interval = Math.max(1, seconds) * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig("scheduled-work", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            runDue();
        } finally {
            running.set(false);
        }
    }

    /** Runs what is due now; returns how many rows ran. Also called by operations to catch up at once. */
    public int runDue() {
        List<String> topics = executor.topics();
        int done = 0;
        while (done < MAX_PER_TICK) {
            Optional<ScheduledWorkExecutor.Claimed> claimed;
            try {
                claimed = executor.claim(topics);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "claiming scheduled work failed; the next tick retries", e);
                return done;
            }
            if (claimed.isEmpty()) {
                return done;
            }
            ScheduledWorkExecutor.Claimed c = claimed.get();
            try {
                executor.run(c);
            } catch (RuntimeException e) {
                Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
                LOG.log(Level.WARNING, "scheduled work " + c.topic() + " #" + c.id() + " failed (attempt "
                        + c.attempts() + ")", cause);
                executor.failed(c, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            done++;
        }
        return done;
    }
}
