package vn.ccn.dms.pades.crypto;

/** Families of signing keys the engine supports. */
public enum KeyType {
    RSA,
    EC
}
