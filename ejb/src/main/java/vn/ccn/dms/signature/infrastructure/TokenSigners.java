package vn.ccn.dms.signature.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.crypto.Digest;
import vn.ccn.dms.pades.crypto.Pkcs11Configuration;
import vn.ccn.dms.pades.crypto.Pkcs11Signer;
import vn.ccn.dms.pades.crypto.Pkcs12Signer;
import vn.ccn.dms.pades.crypto.SignatureValue;
import vn.ccn.dms.pades.crypto.Signer;
import vn.ccn.dms.signature.application.SignatureSettings;
import vn.ccn.dms.signature.application.SigningRefusedException;
import vn.ccn.dms.signature.domain.SigningCredential;

/**
 * Opens the signer of a credential with the PIN the user entered: one login for a whole batch. PKCS#11 login
 * state belongs to the token, not to a session (PKCS#11 v2.40 §5.6: all sessions of an application share it),
 * so the use of one slot is serialised from login to logout: otherwise a second login with a wrong PIN would be
 * answered CKR_USER_ALREADY_LOGGED_IN and slip through while another batch runs, and one batch's logout would
 * cut the other's signing short.
 */
@ApplicationScoped
public class TokenSigners {

    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    @Inject
    SignatureSettings settings;

    /** A signer that must be closed: it logs out of the token and frees the slot. */
    public interface OpenSigner extends Signer, AutoCloseable {
        @Override
        void close();
    }

    /**
     * @throws SigningRefusedException for a credential this installation does not allow, a busy token, a wrong
     *     PIN or an unreachable token
     */
    public OpenSigner open(SigningCredential credential, char[] pin) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(pin, "pin");
        return switch (credential.kind()) {
            case PKCS11 -> pkcs11(credential, pin);
            case PKCS12 -> pkcs12(credential, pin);
            case EXTERNAL -> throw new SigningRefusedException(SigningRefusedException.CREDENTIAL_NOT_ALLOWED, 409,
                    "Khóa ký của người ký nằm ở ứng dụng ký trên máy trạm hoặc dịch vụ ký từ xa; hãy ký qua ứng dụng đó.");
        };
    }

    private OpenSigner pkcs11(SigningCredential c, char[] pin) {
        Path library = Path.of(c.pkcs11Library()).toAbsolutePath().normalize();
        if (!settings.pkcs11Libraries().contains(library)) {
            throw new SigningRefusedException(SigningRefusedException.CREDENTIAL_NOT_ALLOWED, 409,
                    "Thư viện PKCS#11 của thiết bị ký chưa được quản trị hệ thống cho phép.");
        }
        String slotKey = library + "#" + (c.pkcs11SlotId() != null ? "id" + c.pkcs11SlotId() : "index" + c.pkcs11SlotIndex());
        Semaphore slot = slots.computeIfAbsent(slotKey, k -> new Semaphore(1, true));
        try {
            if (!slot.tryAcquire(settings.tokenWait().toSeconds(), TimeUnit.SECONDS)) {
                throw new SigningRefusedException(SigningRefusedException.TOKEN_BUSY, 503,
                        "Thiết bị ký đang được dùng cho một lượt ký khác; hãy thử lại sau ít phút.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningRefusedException(SigningRefusedException.TOKEN_BUSY, 503, "Lượt ký bị gián đoạn.");
        }
        String name = "dms" + Integer.toHexString(slotKey.hashCode() & 0x7fffffff);
        Pkcs11Configuration configuration = c.pkcs11SlotId() != null
                ? Pkcs11Configuration.ofSlot(name, library, c.pkcs11SlotId(), c.keyAlias())
                : Pkcs11Configuration.ofSlotIndex(name, library, c.pkcs11SlotIndex() == null ? 0 : c.pkcs11SlotIndex(), c.keyAlias());
        Pkcs11Signer signer;
        try {
            signer = Pkcs11Signer.login(configuration, pin);
        } catch (PadesException e) {
            slot.release();
            throw SigningRefusedException.of(e);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        AtomicBoolean closed = new AtomicBoolean();
        return wrap(signer, () -> {
            if (closed.compareAndSet(false, true)) {
                try {
                    signer.close();
                } finally {
                    slot.release();
                }
            }
        });
    }

    private OpenSigner pkcs12(SigningCredential c, char[] pin) {
        Path directory = settings.pkcs12Directory().orElseThrow(() -> new SigningRefusedException(
                SigningRefusedException.CREDENTIAL_NOT_ALLOWED, 409,
                "Cài đặt này không cho phép ký bằng tệp khóa PKCS#12 (chỉ dùng khi phát triển, thử nghiệm)."));
        Path file = directory.resolve(c.pkcs12File()).toAbsolutePath().normalize();
        if (!file.startsWith(directory)) {
            throw new SigningRefusedException(SigningRefusedException.CREDENTIAL_NOT_ALLOWED, 409,
                    "Tệp khóa PKCS#12 nằm ngoài thư mục được phép.");
        }
        try {
            return wrap(Pkcs12Signer.open(file, pin, c.keyAlias()), () -> { });
        } catch (PadesException e) {
            throw SigningRefusedException.of(e);
        }
    }

    private static OpenSigner wrap(Signer signer, Runnable onClose) {
        return new OpenSigner() {
            @Override
            public List<X509Certificate> certificateChain() {
                return signer.certificateChain();
            }

            @Override
            public SignatureValue sign(Digest digest) {
                return signer.sign(digest);
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
