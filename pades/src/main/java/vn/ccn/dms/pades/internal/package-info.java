/**
 * Helpers shared by signing and validation that are not API: reading the CMS objects, certificate pools and
 * chain building by issuer name and signature. Classes here may change without notice.
 */
package vn.ccn.dms.pades.internal;
