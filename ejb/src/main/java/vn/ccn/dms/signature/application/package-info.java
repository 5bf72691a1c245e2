/**
 * The signing feature's transaction boundaries and use cases: configuration of credentials and images
 * ({@link vn.ccn.dms.signature.application.SignatureAdminService}), the two-step issuance and batch signing
 * ({@link vn.ccn.dms.signature.application.SigningWorkflowService}), the external-signature path
 * ({@link vn.ccn.dms.signature.application.ExternalSigningService}), electronic copies
 * ({@link vn.ccn.dms.signature.application.CopyService}) and the validation of received PDFs
 * ({@link vn.ccn.dms.signature.application.SignatureValidationService}). Nothing slow (token, TSA, OCSP) runs
 * inside a database transaction, except the copy, whose number must come back on failure.
 */
package vn.ccn.dms.signature.application;
