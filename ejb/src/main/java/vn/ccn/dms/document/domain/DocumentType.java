package vn.ccn.dms.document.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Kind of administrative document (Decree 30/2020 Appendix III) with its default symbol pattern. Data, not code. */
@Entity
@Table(name = "document_type")
public class DocumentType {

    @Id
    private String code;

    @Column(name = "name_vi", nullable = false)
    private String nameVi;

    @Column(name = "symbol_pattern", nullable = false)
    private String symbolPattern;

    private boolean active = true;

    protected DocumentType() {
    }

    public String code() {
        return code;
    }

    public String nameVi() {
        return nameVi;
    }

    public String symbolPattern() {
        return symbolPattern;
    }

    public boolean active() {
        return active;
    }
}
