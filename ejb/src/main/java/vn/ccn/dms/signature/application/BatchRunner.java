package vn.ccn.dms.signature.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
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
 * Signs the documents of a batch one after the other with the signer opened for it (one PIN entry), each in
 * its own transaction. A failure that concerns one document (a PDF that cannot be signed, a changed status) is
 * recorded and the batch goes on; a failure of the signer itself (token removed, certificate revoked, TSA
 * unreachable) would fail every remaining document the same way, so they are marked skipped with its reason
 * rather than hammered. Runs asynchronously as the leader who started it (the caller's identity propagates).
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

    @Inject
    private SigningTransactions tx;

    @Inject
    private DocumentSigner signer;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(long batchId, OpenSigner token) {
        try (token) {
            List<SigningTransactions.PendingItem> items = tx.pendingItems(batchId);
            SigningRefusedException systemic = null;
            for (SigningTransactions.PendingItem item : items) {
                if (systemic != null) {
                    tx.itemFailed(batchId, item.id(), SigningBatchItem.Status.SKIPPED, systemic.code(),
                            "Không ký vì lỗi ở văn bản trước: " + systemic.getMessage(), 0);
                    continue;
                }
                long started = System.nanoTime();
                try {
                    LeaderTask task = tx.leaderTask(item.documentId());
                    SignedFiles signed = signer.signLeader(task, token);
                    tx.leaderSigned(task, signed, item.id(), (System.nanoTime() - started) / 1_000_000);
                } catch (RuntimeException e) {
                    SigningRefusedException refusal = refusal(e);
                    tx.itemFailed(batchId, item.id(), SigningBatchItem.Status.FAILED, refusal.code(), refusal.getMessage(),
                            (System.nanoTime() - started) / 1_000_000);
                    if (SYSTEMIC.contains(refusal.code())) {
                        systemic = refusal;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "signing batch " + batchId + " stopped", e);
        } finally {
            tx.finishBatch(batchId);
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
