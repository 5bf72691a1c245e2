/** Adapters of the document feature: the file-system content store, media type detection, the orphan sweeper. */
package vn.ccn.dms.document.infrastructure;
