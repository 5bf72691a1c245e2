/**
 * RFC 3161 time-stamping: the signature time-stamp of PAdES B-T and the document time-stamp of B-LTA.
 * A {@link vn.ccn.dms.pades.tsp.TimestampSource} either answers with a verified token or throws
 * {@code TSA_UNREACHABLE}; there is no silent downgrade to a lower level, only an explicitly configured
 * fallback ({@link vn.ccn.dms.pades.tsp.FallbackTimestampSource}).
 */
package vn.ccn.dms.pades.tsp;
