/**
 * Documents: incoming (văn bản đến) and outgoing (văn bản đi) with the Decree 30/2020 metadata, their
 * versions and files, and the content store that keeps file bytes apart from metadata.
 */
package vn.ccn.dms.document;
