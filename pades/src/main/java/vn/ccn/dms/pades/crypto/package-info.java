/**
 * Keys and what signs with them. A {@link vn.ccn.dms.pades.crypto.Signer} receives only a digest and returns a
 * signature value, so the private key stays in its PKCS#12 file, PKCS#11 token or remote service and never
 * sees the document (the three-step model of EU DSS). {@link vn.ccn.dms.pades.crypto.KeyPolicy} holds the
 * minimum strengths required by the Vietnamese rules (RSA ≥ 2048, ECDSA ≥ 256, SHA-2 family).
 */
package vn.ccn.dms.pades.crypto;
