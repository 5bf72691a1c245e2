package vn.ccn.dms.directory.domain;

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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/** An agency of the directory: a department, a People's Committee, a ministry. */
@Entity
@Table(name = "agency")
@SequenceGenerator(name = "dms_seq", sequenceName = "dms_seq", allocationSize = 50)
public class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 13)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "short_name", nullable = false)
    private String shortName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgencyLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Agency parent;

    private boolean active = true;

    protected Agency() {
    }

    public Agency(AgencyCode code, String name, String shortName, AgencyLevel level, Agency parent) {
        this.code = Objects.requireNonNull(code, "code").value();
        this.name = requireText(name, "name");
        this.shortName = requireText(shortName, "shortName");
        this.level = Objects.requireNonNull(level, "level");
        this.parent = parent;
    }

    private static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.trim();
    }

    public Long id() {
        return id;
    }

    public AgencyCode code() {
        return new AgencyCode(code);
    }

    public String name() {
        return name;
    }

    public String shortName() {
        return shortName;
    }

    public AgencyLevel level() {
        return level;
    }

    public Agency parent() {
        return parent;
    }

    public boolean active() {
        return active;
    }
}
