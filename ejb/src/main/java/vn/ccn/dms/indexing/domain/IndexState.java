package vn.ccn.dms.indexing.domain;

/** Where a document version stands in the search index, as users see it. */
public enum IndexState {
    /** Waiting for the worker (also the state of a version without a row yet). */
    PENDING("Đang chờ lập chỉ mục"),
    /** Text extracted (or none to extract) and the entry accepted by the index. */
    INDEXED("Đã lập chỉ mục"),
    /**
     * A file could not be read (encrypted, damaged, over a limit) or the index refused the entry. The stored
     * file is kept and stays downloadable; the entry is still searchable by its metadata when the index took it.
     */
    FAILED("Lập chỉ mục không thành công");

    private final String labelVi;

    IndexState(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
