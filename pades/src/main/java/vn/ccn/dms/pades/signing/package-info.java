/**
 * PAdES signing in three steps, after EU DSS: {@link vn.ccn.dms.pades.signing.PadesSigningService#prepare}
 * writes the incremental update with the signature dictionary, its appearance and a reserved /Contents, and
 * returns the digest to sign; a {@link vn.ccn.dms.pades.crypto.Signer} signs it wherever the key lives;
 * {@link vn.ccn.dms.pades.signing.PadesSigningService#complete} assembles the CMS, adds the time-stamp and, for
 * B-LT and B-LTA, the document security store and the document time-stamp, each as a further incremental
 * update so earlier signatures stay valid. The Decree 30 two-step issuance (leader certifies, clerk fills
 * number and date and seals) is built from the same parameters; see {@link vn.ccn.dms.pades.signing.Decree30Issuance}.
 */
package vn.ccn.dms.pades.signing;
