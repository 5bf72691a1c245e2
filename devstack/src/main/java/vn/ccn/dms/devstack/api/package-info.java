/**
 * A small client of the application's REST API v1 on {@code java.net.http}: HTTP Basic authentication, JSON
 * through Jakarta JSON Processing, RFC 9457 problem answers turned into readable exceptions, and multipart
 * uploads that stream their files. Used by the demo data loader and by the integration tests; it encodes the
 * contract as a client sees it and holds no business rules.
 */
package vn.ccn.dms.devstack.api;
