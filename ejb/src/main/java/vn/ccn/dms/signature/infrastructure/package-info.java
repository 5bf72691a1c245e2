/**
 * Adapters of the signing feature: the {@code pades} engine wired to the configured TSA, revocation sources and
 * trust anchors ({@link vn.ccn.dms.signature.infrastructure.SigningEngine}), signers opened on tokens and
 * keystores with one login per batch ({@link vn.ccn.dms.signature.infrastructure.TokenSigners}), PEM and JSON
 * conversions, and image checks.
 */
package vn.ccn.dms.signature.infrastructure;
