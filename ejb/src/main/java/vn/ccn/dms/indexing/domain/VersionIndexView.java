package vn.ccn.dms.indexing.domain;

import java.time.Instant;

/**
 * The indexing state of one version, as shown to users beside the version's files.
 *
 * @param reason why it failed, in Vietnamese, or {@code null}
 */
public record VersionIndexView(long versionId, int versionNo, IndexState state, String stateLabel, String reason,
        boolean ocr, int characters, Instant updatedAt, Instant indexedAt) {
}
