package vn.ccn.dms.signature.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.platform.ThreadPriority;

/**
 * Polls the outbox for received documents whose signatures are to be validated (every
 * {@code dms.signature.validation.poll-seconds}), a few at a time. A non-persistent timer: after a restart the
 * outbox rows are still there, so nothing is lost; a run still busy when the next tick comes is not doubled.
 *
 * <p>The timer only starts a run; the run itself goes on one thread of the worker's own, which lowers its CPU priority
 * to {@code dms.signature.validation.nice} before its first file, as the extraction threads do. Validation parses every
 * received PDF, and at the requests' priority a burst of uploads would pay for the validation of the burst while it is
 * being received. The timer's threads are shared with every other timer, and a thread's priority cannot be raised
 * again without privilege, so the timer thread itself is never lowered.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SignatureValidationWorker {

    private static final Logger LOG = Logger.getLogger(SignatureValidationWorker.class.getName());
    /**
     * Events claimed, and reports stored, per transaction. Their files are validated one after another inside the
     * claim's lease ({@link SignatureValidationService#LEASE}, 5 minutes), which 25 PDFs take only with online
     * revocation checks timing out on every one.
     */
    static final int BATCH = 25;

    @Resource
    private TimerService timers;

    @EJB
    private SignatureValidationService validation;

    @Inject
    private SignatureSettings settings;

    @Resource
    private ManagedThreadFactory threads;

    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService runner;

    @PostConstruct
    void start() {
        int nice = settings.validationNice();
        runner = Executors.newSingleThreadExecutor(work -> ThreadPriority.newBackgroundThread(threads,
                "dms-signature-validation", nice, () -> LOG.warning("cannot lower the priority of the signature validation"
                        + " thread (" + SignatureSettings.VALIDATION_NICE + "=" + nice + "); it runs at the server's priority"),
                work));
        long interval = settings.validationPoll().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("signature-validation", false));
    }

    @PreDestroy
    void stop() {
        // A validation cut short keeps its outbox row, which the next start takes again once its lease has passed.
        runner.shutdownNow();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            runner.execute(this::drain);
        } catch (RejectedExecutionException e) {
            running.set(false); // shutting down
        }
    }

    private void drain() {
        try {
            while (validation.processBatch(BATCH) == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "signature validation run failed; the next run retries", e);
        } finally {
            running.set(false);
        }
    }
}
