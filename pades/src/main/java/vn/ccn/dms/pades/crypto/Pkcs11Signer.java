package vn.ccn.dms.pades.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;

/**
 * A signer over a PKCS#11 token (USB token, smart card or HSM) through the JDK's SunPKCS11 provider. The
 * private key is a handle: signing runs inside the token (CKM_RSA_PKCS / CKM_ECDSA over the digest), so the
 * key never leaves it. One instance holds one login session; {@link #close()} logs out. The provider is not
 * registered globally, so several tokens can be used side by side.
 */
public final class Pkcs11Signer implements Signer, AutoCloseable {

    private final AuthProvider provider;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final KeyType keyType;

    private Pkcs11Signer(AuthProvider provider, PrivateKey privateKey, List<X509Certificate> chain) {
        this.provider = provider;
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.keyType = KeyPolicy.requireAcceptable(this.chain.get(0));
    }

    /**
     * Logs in to the token with the PIN and finds the key. The PIN array is not kept.
     *
     * @throws PadesException {@code WRONG_PIN}, {@code TOKEN_UNAVAILABLE} or {@code KEY_NOT_FOUND}
     */
    public static Pkcs11Signer login(Pkcs11Configuration configuration, char[] pin) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(pin, "pin");
        if (!Files.isReadable(configuration.library())) {
            throw new PadesException(PadesErrorCode.TOKEN_UNAVAILABLE, "PKCS#11 module not found: " + configuration.library());
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new PadesException(PadesErrorCode.TOKEN_UNAVAILABLE, "this JDK has no SunPKCS11 provider");
        }
        AuthProvider provider;
        try {
            provider = (AuthProvider) base.configure(configuration.sunPkcs11Config());
        } catch (ProviderException | IllegalArgumentException e) {
            throw new PadesException(PadesErrorCode.TOKEN_UNAVAILABLE, "cannot open PKCS#11 slot: " + rootMessage(e), e);
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, pin);
            String alias = configuration.keyAlias() != null ? configuration.keyAlias() : firstKeyAlias(ks);
            if (alias == null || !ks.isKeyEntry(alias)) {
                throw new PadesException(PadesErrorCode.KEY_NOT_FOUND, "no key entry " + configuration.keyAlias() + " on the token");
            }
            PrivateKey key = (PrivateKey) ks.getKey(alias, null);
            Certificate[] certificates = ks.getCertificateChain(alias);
            if (certificates == null || certificates.length == 0) {
                throw new PadesException(PadesErrorCode.KEY_NOT_FOUND, "key " + alias + " has no certificate on the token");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            return new Pkcs11Signer(provider, key, chain);
        } catch (IOException e) {
            if (hasCause(e, FailedLoginException.class) || String.valueOf(rootMessage(e)).contains("CKR_PIN_INCORRECT")) {
                throw new PadesException(PadesErrorCode.WRONG_PIN, "token login refused", e);
            }
            if (String.valueOf(rootMessage(e)).contains("CKR_PIN_LOCKED")) {
                throw new PadesException(PadesErrorCode.WRONG_PIN, "PIN locked", e);
            }
            throw new PadesException(PadesErrorCode.TOKEN_UNAVAILABLE, "token login failed: " + rootMessage(e), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PadesException(PadesErrorCode.TOKEN_UNAVAILABLE, "token access failed: " + rootMessage(e), e);
        }
    }

    private static String firstKeyAlias(KeyStore ks) throws GeneralSecurityException {
        for (String a : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(a)) {
                return a;
            }
        }
        return null;
    }

    /** PKCS#11 return values that mean the token, its session or the key on it is no longer there (PKCS#11 v2.40 §5.1). */
    private static final java.util.Set<String> TOKEN_GONE = java.util.Set.of("CKR_DEVICE_REMOVED", "CKR_DEVICE_ERROR",
            "CKR_TOKEN_NOT_PRESENT", "CKR_TOKEN_NOT_RECOGNIZED", "CKR_SESSION_HANDLE_INVALID", "CKR_SESSION_CLOSED",
            "CKR_OBJECT_HANDLE_INVALID", "CKR_KEY_HANDLE_INVALID", "CKR_USER_NOT_LOGGED_IN", "CKR_CRYPTOKI_NOT_INITIALIZED");

    /**
     * Whether a failure came from the token going away rather than from the data: by the PKCS#11 return value
     * SunPKCS11 carries as the message of its (internal, not exported) {@code PKCS11Exception}.
     */
    static boolean tokenGone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getClass().getSimpleName().equals("PKCS11Exception") && c.getMessage() != null
                    && TOKEN_GONE.contains(c.getMessage().trim().split("[^A-Z_]")[0])) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public SignatureValue sign(Digest digest) {
        Objects.requireNonNull(digest, "digest");
        try {
            byte[] value = RawDigestSignature.sign(privateKey, provider, keyType, digest);
            return new SignatureValue(new SignatureAlgorithm(keyType, digest.algorithm()), value);
        } catch (ProviderException e) {
            // Token pulled out mid-batch: SunPKCS11 reports CKR_DEVICE_REMOVED / CKR_SESSION_HANDLE_INVALID here.
            throw new PadesException(PadesErrorCode.TOKEN_UNAVAILABLE, rootMessage(e), e);
        } catch (GeneralSecurityException e) {
            // ... or, for a key object that vanished with its token, as an InvalidKeyException("init() failed")
            // caused by CKR_OBJECT_HANDLE_INVALID (measured with SoftHSM2 deleting the token under an open session).
            throw new PadesException(tokenGone(e) ? PadesErrorCode.TOKEN_UNAVAILABLE : PadesErrorCode.SIGNING_FAILED,
                    rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        try {
            provider.logout();
        } catch (LoginException | ProviderException e) {
            // The session is gone already (token removed); nothing left to release.
        }
    }
}
