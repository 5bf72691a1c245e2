package vn.ccn.dms.document.application;

/** A file the caller may download: its name, type, size and the key to open it in the content store. */
public record FileContent(String fileName, String mediaType, long sizeBytes, String sha256, String contentKey) {
}
