package vn.ccn.dms.document.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import vn.ccn.dms.directory.domain.Agency;

/** One line of "Nơi nhận": an agency of the directory, or a named outside recipient. */
@Entity
@Table(name = "document_recipient")
public class Recipient {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    private Document document;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    @Column(nullable = false)
    private String name;

    protected Recipient() {
    }

    Recipient(Document document, Agency agency, String name) {
        this.document = Objects.requireNonNull(document, "document");
        this.agency = agency;
        this.name = Objects.requireNonNull(name, "name");
    }

    public Agency agency() {
        return agency;
    }

    public String name() {
        return name;
    }
}
