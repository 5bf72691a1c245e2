package vn.ccn.dms.signature.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.crypto.Digest;
import vn.ccn.dms.pades.crypto.DigestAlgorithm;
import vn.ccn.dms.pades.crypto.KeyPolicy;
import vn.ccn.dms.pades.crypto.Pem;
import vn.ccn.dms.pades.crypto.SignatureAlgorithm;
import vn.ccn.dms.pades.crypto.SignatureValue;
import vn.ccn.dms.pades.signing.DataToSign;
import vn.ccn.dms.pades.signing.Decree30Issuance;
import vn.ccn.dms.pades.signing.SignatureParameters;
import vn.ccn.dms.pades.signing.SignedPdf;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.signature.domain.CredentialKind;
import vn.ccn.dms.signature.domain.OwnerKind;
import vn.ccn.dms.signature.domain.SigningCredential;
import vn.ccn.dms.signature.domain.SigningSession;
import vn.ccn.dms.signature.infrastructure.SigningEngine;

/**
 * The leader's signature through a desktop signing agent or a remote signing service: {@link #prepare} returns,
 * per document, the digest to sign (and, for services that build their own CMS, the document digest and the
 * signed attributes); {@link #complete} takes back the raw signature value or a detached CMS SignedData,
 * checks it against the leader's registered certificate, time-stamps it and records the signed version exactly
 * as a batch does. The private key never reaches the server.
 *
 * <p>The reception desk's organisation signature takes the same path ({@link #prepareSeal}, {@link #completeSeal})
 * when the agency's credential is EXTERNAL: the desk's token stays on the desk's computer.
 */
@Stateless
@RolesAllowed("LEADER")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExternalSigningService {

    @EJB
    private DirectoryService directory;

    @EJB
    private SigningTransactions tx;

    @EJB
    private ExternalSessions sessions;

    @Inject
    private DocumentSigner signer;

    @Inject
    private SigningEngine engine;

    @Inject
    private SignatureSettings settings;

    @Inject
    private DmsSettings dms;

    /** One prepared document, or why it could not be prepared. */
    public record PreparedItem(long documentId, String sessionId, String digestAlgorithm, String signatureAlgorithm,
            String digestToSign, String documentDigest, String signedAttributes, Instant expiresAt, String errorCode,
            String message) {
    }

    /** What the agent sends back for one session: the raw signature value, or a detached CMS, base64. */
    public record Completion(String sessionId, String signatureValue, String cms) {
    }

    public record CompletedItem(String sessionId, Long documentId, boolean signed, Integer versionNo, String errorCode,
            String message) {
    }

    /** Which signature of the two-step issuance an external session carries. */
    enum Purpose {
        LEADER, SEAL
    }

    public List<PreparedItem> prepare(List<Long> documentIds) {
        return prepare(documentIds, Purpose.LEADER);
    }

    public List<CompletedItem> complete(List<Completion> completions) {
        return complete(completions, Purpose.LEADER);
    }

    /** The organisation's signature on numbered documents, by the desk through its signing agent. */
    @RolesAllowed("CLERK")
    public List<PreparedItem> prepareSeal(List<Long> documentIds) {
        return prepare(documentIds, Purpose.SEAL);
    }

    @RolesAllowed("CLERK")
    public List<CompletedItem> completeSeal(List<Completion> completions) {
        return complete(completions, Purpose.SEAL);
    }

    private List<PreparedItem> prepare(List<Long> documentIds, Purpose purpose) {
        if (documentIds == null || documentIds.isEmpty() || documentIds.size() > settings.batchMax()) {
            throw DomainException.invalid("Số văn bản không hợp lệ", List.of("documentIds: từ 1 đến " + settings.batchMax()));
        }
        List<X509Certificate> chain = externalChain(purpose);
        String keyType = KeyPolicy.requireAcceptable(chain.get(0)).name();
        List<PreparedItem> out = new ArrayList<>();
        for (long id : new LinkedHashSet<>(documentIds)) {
            try {
                ExternalTask task = task(id, purpose);
                DataToSign data = task.prepare(chain);
                Instant now = tx.now();
                SigningSession session = sessions.save(id, task.baseVersionNo(), new SigningSession.Prepared(data.preparedPdf(),
                        data.byteRange(), data.documentDigest().value(), data.signedAttributes(),
                        data.digestToSign().algorithm().name(), data.digestToSign().value(), data.signingTime().toInstant(),
                        data.parameters().level().name(), data.parameters().fieldName().orElseThrow(), Pem.format(chain)),
                        now, now.plus(settings.sessionLifetime()));
                Base64.Encoder b64 = Base64.getEncoder();
                out.add(new PreparedItem(id, session.id(), data.digestToSign().algorithm().name(),
                        new SignatureAlgorithm(vn.ccn.dms.pades.crypto.KeyType.valueOf(keyType), data.digestToSign().algorithm()).jcaName(),
                        b64.encodeToString(data.digestToSign().value()), b64.encodeToString(data.documentDigest().value()),
                        b64.encodeToString(data.signedAttributes()), session.expiresAt(), null, null));
            } catch (RuntimeException e) {
                SigningRefusedException r = BatchRunner.refusal(e);
                out.add(new PreparedItem(id, null, null, null, null, null, null, null, r.code(), r.getMessage()));
            }
        }
        return out;
    }

    private List<CompletedItem> complete(List<Completion> completions, Purpose purpose) {
        if (completions == null || completions.isEmpty()) {
            throw DomainException.invalid("Không có chữ ký nào gửi về", List.of("items: bắt buộc"));
        }
        List<X509Certificate> chain = externalChain(purpose);
        List<CompletedItem> out = new ArrayList<>();
        for (Completion c : completions) {
            Long documentId = null;
            try {
                SigningSession session = sessions.take(c.sessionId());
                documentId = session.documentId();
                ExternalTask task = task(session.documentId(), purpose);
                boolean sealField = Decree30Issuance.SEAL_FIELD.equals(session.prepared().fieldName());
                if (sealField != (purpose == Purpose.SEAL)) {
                    // a session prepared for the other signature of the two-step issuance
                    throw new SigningRefusedException(SigningRefusedException.SESSION_EXPIRED, 404, "Không tìm thấy phiên ký "
                            + c.sessionId() + ".");
                }
                if (task.baseVersionNo() != session.baseVersionNo()) {
                    throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409, "Văn bản đã thay đổi sau khi chuẩn bị ký.");
                }
                SigningSession.Prepared p = session.prepared();
                List<X509Certificate> sessionChain = Pem.certificates(p.certificateChainPem());
                if (!sessionChain.get(0).equals(chain.get(0))) {
                    throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409, "Chứng thư ký đã thay đổi; hãy chuẩn bị ký lại.");
                }
                DigestAlgorithm alg = DigestAlgorithm.valueOf(p.digestAlgorithm());
                DataToSign data = new DataToSign(p.preparedPdf(), p.byteRange(), new Digest(alg, p.documentDigest()),
                        p.signedAttributes(), new Digest(alg, p.digestToSign()), p.signingTime().atZone(dms.zone()),
                        SignatureParameters.builder(PadesLevel.valueOf(p.level())).digestAlgorithm(alg).certificateChain(sessionChain)
                                .fieldName(p.fieldName()).build());
                SignedPdf signed;
                if (c.signatureValue() != null && !c.signatureValue().isBlank()) {
                    SignatureAlgorithm algorithm = new SignatureAlgorithm(KeyPolicy.requireAcceptable(sessionChain.get(0)), alg);
                    signed = engine.signing().complete(data, new SignatureValue(algorithm, Base64.getDecoder().decode(c.signatureValue().trim())));
                } else if (c.cms() != null && !c.cms().isBlank()) {
                    signed = engine.signing().completeWithCms(data, Base64.getDecoder().decode(c.cms().trim()));
                } else {
                    throw DomainException.invalid("Thiếu chữ ký", List.of("signatureValue hoặc cms: bắt buộc (base64)"));
                }
                int version = task.store(signed, sessionChain.get(0));
                out.add(new CompletedItem(c.sessionId(), documentId, true, version, null, null));
            } catch (IllegalArgumentException e) {
                out.add(new CompletedItem(c.sessionId(), documentId, false, null, "INVALID_REQUEST", "Dữ liệu base64 không hợp lệ."));
            } catch (RuntimeException e) {
                SigningRefusedException r = BatchRunner.refusal(e);
                out.add(new CompletedItem(c.sessionId(), documentId, false, null, r.code(), r.getMessage()));
            }
        }
        return out;
    }

    /** One document's part in an external signature: its base version, how to prepare it, how to keep the result. */
    private interface ExternalTask {
        int baseVersionNo();

        DataToSign prepare(List<X509Certificate> chain);

        /** Stores the signed PDF as the document's new version and returns its number. */
        int store(SignedPdf signed, X509Certificate signerCertificate);
    }

    private ExternalTask task(long documentId, Purpose purpose) {
        if (purpose == Purpose.LEADER) {
            DocumentSigner.LeaderTask t = tx.leaderTask(documentId);
            return new ExternalTask() {
                @Override
                public int baseVersionNo() {
                    return t.baseVersionNo();
                }

                @Override
                public DataToSign prepare(List<X509Certificate> chain) {
                    return signer.prepareLeader(t, chain);
                }

                @Override
                public int store(SignedPdf signed, X509Certificate signerCertificate) {
                    return tx.leaderSigned(t, signer.storeLeader(t, signed, signerCertificate), null, 0);
                }
            };
        }
        DocumentSigner.SealTask t = tx.sealTask(documentId);
        return new ExternalTask() {
            @Override
            public int baseVersionNo() {
                return t.baseVersionNo();
            }

            @Override
            public DataToSign prepare(List<X509Certificate> chain) {
                return signer.prepareSeal(t, chain);
            }

            @Override
            public int store(SignedPdf signed, X509Certificate signerCertificate) {
                return tx.sealed(t, signer.storeSeal(t, signed, signerCertificate)).versions().size();
            }
        };
    }

    private List<X509Certificate> externalChain(Purpose purpose) {
        AppUser user = directory.currentUser();
        SigningCredential credential = (purpose == Purpose.LEADER ? tx.credential(OwnerKind.USER, user.id())
                : tx.credential(OwnerKind.AGENCY, user.agency().id())).filter(c -> c.kind() == CredentialKind.EXTERNAL)
                .orElseThrow(() -> new SigningRefusedException(SigningRefusedException.NO_CREDENTIAL, 409, purpose == Purpose.LEADER
                        ? "Lãnh đạo chưa được cấu hình chứng thư cho ký qua ứng dụng ký hoặc dịch vụ ký từ xa."
                        : "Cơ quan chưa được cấu hình chứng thư của cơ quan cho ký qua ứng dụng ký hoặc dịch vụ ký từ xa."));
        return Pem.certificates(credential.certificateChainPem());
    }
}
