/**
 * Validation of signed PDFs, for documents we issue and documents that arrive: for each signature, the byte
 * range, the CMS (message digest, signature value, signing-certificate attribute), the chain to configured
 * trust anchors (PKIX, RFC 5280 §6), revocation at the signing time (OCSP/CRL from the document security
 * store or the network), time-stamps (RFC 3161 imprint and TSA chain), the PAdES baseline level reached,
 * and every change made after the signature, judged against its DocMDP/FieldMDP permissions (ISO 32000-1
 * §12.8.2), so that shadow attacks and incremental-saving attacks are reported. The result is a record tree
 * with machine codes and Vietnamese messages.
 */
package vn.ccn.dms.pades.validation;
