package vn.ccn.dms.register.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.document.domain.Direction;

/**
 * A register of an agency: incoming arrival numbers or outgoing numbers, one series per year from 01
 * (Decree 30/2020 Art. 15.1). Secret documents have their own register.
 */
@Entity
@Table(name = "register")
public class Register {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "number_pattern")
    private String numberPattern;

    private boolean secret;

    private boolean active = true;

    protected Register() {
    }

    public Register(Agency agency, Direction direction, String code, String name, NumberPattern numberPattern,
            boolean secret) {
        this.agency = Objects.requireNonNull(agency, "agency");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.numberPattern = numberPattern == null ? null : numberPattern.value();
        this.secret = secret;
    }

    /** The pattern that formats this register's numbers: its own, else the document type's default. */
    public NumberPattern patternFor(String typeDefault) {
        return new NumberPattern(numberPattern != null ? numberPattern : typeDefault);
    }

    public Long id() {
        return id;
    }

    public Agency agency() {
        return agency;
    }

    public Direction direction() {
        return direction;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String numberPattern() {
        return numberPattern;
    }

    public boolean secret() {
        return secret;
    }

    public boolean active() {
        return active;
    }
}
