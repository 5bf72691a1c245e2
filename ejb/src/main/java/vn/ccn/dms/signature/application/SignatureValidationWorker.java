package vn.ccn.dms.signature.application;

import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls the outbox for received documents whose signatures are to be validated (every
 * {@code dms.signature.validation.poll-seconds}), a few at a time. A non-persistent timer: after a restart the
 * outbox rows are still there, so nothing is lost; a run still busy when the next tick comes is not doubled.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SignatureValidationWorker {

    private static final Logger LOG = Logger.getLogger(SignatureValidationWorker.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private SignatureValidationService validation;

    @Inject
    private SignatureSettings settings;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        long interval = settings.validationPoll().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("signature-validation", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            List<SignatureValidationService.Claimed> claimed;
            do {
                claimed = validation.claim(10);
                claimed.forEach(validation::process);
            } while (claimed.size() == 10);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "signature validation run failed; the next run retries", e);
        } finally {
            running.set(false);
        }
    }
}
