package vn.ccn.dms.pades.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;

/**
 * A signer over a PKCS#12 keystore file, for servers that hold an organisation key in software and for tests.
 */
public final class Pkcs12Signer implements Signer {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final KeyType keyType;

    private Pkcs12Signer(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        this.keyType = KeyPolicy.requireAcceptable(this.chain.get(0));
    }

    /**
     * Opens a keystore file. The password array is read, not kept; the caller should clear it.
     *
     * @param alias the key entry, or {@code null} for the first key entry
     */
    public static Pkcs12Signer open(Path keystore, char[] password, String alias) {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        try (InputStream in = Files.newInputStream(keystore)) {
            return open(in, password, alias);
        } catch (NoSuchFileException e) {
            throw new PadesException(PadesErrorCode.KEY_NOT_FOUND, "no keystore at " + keystore, e);
        } catch (IOException e) {
            throw new PadesException(PadesErrorCode.IO_ERROR, "cannot read keystore " + keystore, e);
        }
    }

    /** Opens a keystore from a stream; see {@link #open(Path, char[], String)}. */
    public static Pkcs12Signer open(InputStream keystore, char[] password, String alias) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(keystore, password);
            String entry = alias != null ? alias : firstKeyAlias(ks);
            if (entry == null || !ks.isKeyEntry(entry)) {
                throw new PadesException(PadesErrorCode.KEY_NOT_FOUND, "no key entry " + alias);
            }
            PrivateKey key = (PrivateKey) ks.getKey(entry, password);
            Certificate[] certificates = ks.getCertificateChain(entry);
            if (certificates == null || certificates.length == 0) {
                throw new PadesException(PadesErrorCode.KEY_NOT_FOUND, "key entry " + entry + " has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            return new Pkcs12Signer(key, chain);
        } catch (IOException e) {
            // PKCS#12 reports a wrong password as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new PadesException(PadesErrorCode.WRONG_PIN, "keystore password rejected", e);
            }
            throw new PadesException(PadesErrorCode.IO_ERROR, "cannot load keystore", e);
        } catch (UnrecoverableKeyException e) {
            throw new PadesException(PadesErrorCode.WRONG_PIN, "key password rejected", e);
        } catch (GeneralSecurityException e) {
            throw new PadesException(PadesErrorCode.KEY_NOT_FOUND, "cannot read keystore: " + e.getMessage(), e);
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

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public SignatureValue sign(Digest digest) {
        Objects.requireNonNull(digest, "digest");
        try {
            byte[] value = RawDigestSignature.sign(privateKey, null, keyType, digest);
            return new SignatureValue(new SignatureAlgorithm(keyType, digest.algorithm()), value);
        } catch (GeneralSecurityException e) {
            throw new PadesException(PadesErrorCode.SIGNING_FAILED, e.getMessage(), e);
        }
    }
}
