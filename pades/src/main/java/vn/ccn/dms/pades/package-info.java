/**
 * PAdES signing and validation engine for the CCN document system: a plain Java library over PDFBox 3
 * and Bouncy Castle, with no container dependency, so that the EJB module, REST resources and batch jobs
 * can all use it. This root package holds what every sub-package shares: the PAdES baseline levels
 * ({@link vn.ccn.dms.pades.PadesLevel}) and the one typed exception ({@link vn.ccn.dms.pades.PadesException})
 * that carries a machine code and a Vietnamese message for users.
 */
package vn.ccn.dms.pades;
