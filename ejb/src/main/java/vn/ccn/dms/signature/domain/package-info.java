/**
 * The signing feature's entities and values: where a signing key is ({@link vn.ccn.dms.signature.domain.SigningCredential}),
 * the images of signatures and seals, a document's signature request and its layout, batches and their items,
 * external-signature sessions, stored validation reports and electronic copies.
 */
package vn.ccn.dms.signature.domain;
