package vn.ccn.dms.signature.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.signature.application.DocumentSigner.LeaderTask;
import vn.ccn.dms.signature.application.DocumentSigner.SignedFiles;
import vn.ccn.dms.signature.domain.SigningBatchItem;
import vn.ccn.dms.signature.infrastructure.TokenSigners.OpenSigner;

/**
 * Signs the documents of a batch with the signer opened for it (one PIN entry), each document in its own
 * transactions, {@code dms.signature.batch.parallelism} documents at a time (the token serves several
 * sessions of the one login; the other steps wait on the TSA, OCSP and the disk). A failure that concerns one
 * document (a PDF that cannot be signed, a changed status) is recorded and the batch goes on; a failure of the
 * signer itself (token removed, certificate revoked, TSA unreachable) would fail every remaining document the
 * same way, so those are marked skipped with its reason rather than hammered. Runs asynchronously as the leader
 * who started it (the caller's identity propagates); the last part to finish logs out and closes the batch.
 */
@Stateless
@PermitAll
public class BatchRunner {

    private static final Logger LOG = Logger.getLogger(BatchRunner.class.getName());

    /** Refusals that concern the signer or the services, not the document. */
    static final Set<String> SYSTEMIC = Set.of(PadesErrorCode.TOKEN_UNAVAILABLE.name(), PadesErrorCode.WRONG_PIN.name(),
            PadesErrorCode.KEY_NOT_FOUND.name(), PadesErrorCode.CERTIFICATE_EXPIRED.name(),
            PadesErrorCode.CERTIFICATE_NOT_YET_VALID.name(), PadesErrorCode.CERTIFICATE_REVOKED.name(),
            PadesErrorCode.WEAK_KEY.name(), PadesErrorCode.TSA_UNREACHABLE.name(), PadesErrorCode.TSA_INVALID_RESPONSE.name(),
            PadesErrorCode.REVOCATION_UNAVAILABLE.name(), SigningRefusedException.NO_SIGNATURE_IMAGE);

    /** What the parts of one batch share: the open signer, the first systemic refusal, how many parts run. */
    public static final class Run {
        final long batchId;
        final OpenSigner token;
        final AtomicReference<SigningRefusedException> systemic = new AtomicReference<>();
        final AtomicInteger running;

        Run(long batchId, OpenSigner token, int parts) {
            this.batchId = batchId;
            this.token = token;
            this.running = new AtomicInteger(parts);
        }
    }

    @EJB
    private SigningTransactions tx;

    @Inject
    private DocumentSigner signer;

    @Inject
    private SignatureSettings settings;

    @Resource
    private SessionContext context;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(long batchId, OpenSigner token) {
        List<SigningTransactions.PendingItem> items;
        try {
            items = tx.pendingItems(batchId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "signing batch " + batchId + " could not start", e);
            try {
                token.close();
            } finally {
                tx.finishBatch(batchId);
            }
            return;
        }
        int parts = Math.max(1, Math.min(settings.batchParallelism(), items.size()));
        Run run = new Run(batchId, token, parts);
        BatchRunner self = context.getBusinessObject(BatchRunner.class);
        for (int p = 1; p < parts; p++) {
            List<SigningTransactions.PendingItem> stripe = stripe(items, p, parts);
            try {
                self.runPart(run, stripe);
            } catch (RuntimeException e) {
                // The container refused another thread: this thread signs that part too.
                LOG.log(Level.WARNING, "signing batch " + batchId + ": part " + p + " runs inline", e);
                process(run, stripe, true);
            }
        }
        process(run, stripe(items, 0, parts), true);
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void runPart(Run run, List<SigningTransactions.PendingItem> items) {
        process(run, items, true);
    }

    private static List<SigningTransactions.PendingItem> stripe(List<SigningTransactions.PendingItem> items, int part, int parts) {
        List<SigningTransactions.PendingItem> out = new ArrayList<>();
        for (int i = part; i < items.size(); i += parts) {
            out.add(items.get(i));
        }
        return out;
    }

    private void process(Run run, List<SigningTransactions.PendingItem> items, boolean countsAsPart) {
        try {
            for (SigningTransactions.PendingItem item : items) {
                SigningRefusedException systemic = run.systemic.get();
                if (systemic != null) {
                    tx.itemFailed(run.batchId, item.id(), SigningBatchItem.Status.SKIPPED, systemic.code(),
                            "Không ký vì lỗi ở văn bản trước: " + systemic.getMessage(), 0);
                    continue;
                }
                long started = System.nanoTime();
                try {
                    LeaderTask task = tx.leaderTask(item.documentId());
                    SignedFiles signed = signer.signLeader(task, run.token);
                    tx.leaderSigned(task, signed, item.id(), (System.nanoTime() - started) / 1_000_000);
                } catch (RuntimeException e) {
                    SigningRefusedException refusal = refusal(e);
                    tx.itemFailed(run.batchId, item.id(), SigningBatchItem.Status.FAILED, refusal.code(), refusal.getMessage(),
                            (System.nanoTime() - started) / 1_000_000);
                    if (SYSTEMIC.contains(refusal.code())) {
                        run.systemic.compareAndSet(null, refusal);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "signing batch " + run.batchId + " stopped", e);
        } finally {
            if (countsAsPart && run.running.decrementAndGet() == 0) {
                try {
                    run.token.close();
                } finally {
                    tx.finishBatch(run.batchId);
                }
            }
        }
    }

    /** What to tell the user about a failure; unexpected ones are logged with a reference. */
    static SigningRefusedException refusal(Throwable e) {
        Throwable t = e;
        while (t instanceof EJBException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SigningRefusedException s) {
            return s;
        }
        if (t instanceof PadesException p) {
            return SigningRefusedException.of(p);
        }
        if (t instanceof DomainException d) {
            return new SigningRefusedException(d.problem().name(), d.problem().status(), d.getMessage());
        }
        String ref = java.util.UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected signing failure, reference " + ref, t);
        return new SigningRefusedException("INTERNAL", 500, "Lỗi hệ thống khi ký văn bản này. Mã tham chiếu: " + ref);
    }
}
