package vn.ccn.dms.signature.domain;

/** How the server reaches a signing key. */
public enum CredentialKind {
    /** A USB token, smart card or HSM slot through SunPKCS11; signing happens inside the token. */
    PKCS11,
    /** A PKCS#12 keystore file on the server; for development and tests only. */
    PKCS12,
    /** The key stays with a desktop signing agent or a remote signing service: the digest goes out, a signature comes back. */
    EXTERNAL
}
