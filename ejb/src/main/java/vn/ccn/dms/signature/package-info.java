/**
 * Digital signatures the Decree 30/2020/NĐ-CP way (issue 4), over the {@code pades} engine: signing credentials
 * and appearance images as data, the two-step issuance (the leader signs, the reception desk numbers and seals),
 * batch signing with one PIN entry, the external-signature path, electronic copies, and the validation of signed
 * PDFs that arrive.
 */
package vn.ccn.dms.signature;
