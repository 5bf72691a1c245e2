package vn.ccn.dms.indexing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A search a user keeps under a name, to run again later; visible to its owner only. */
@Entity
@Table(name = "saved_search")
public class SavedSearch {

    public static final int MAX_NAME = 128;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String parameters;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SavedSearch() {
    }

    public SavedSearch(String owner, String name, SearchParameters parameters, Instant now) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.createdAt = Objects.requireNonNull(now, "now");
        change(name, parameters, now);
    }

    /** Renames and/or replaces the search; the page and size are not kept (a saved search starts at page one). */
    public void change(String newName, SearchParameters newParameters, Instant now) {
        Objects.requireNonNull(newName, "name");
        Objects.requireNonNull(newParameters, "parameters");
        String trimmed = newName.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: tên tìm kiếm đã lưu từ 1 đến " + MAX_NAME + " ký tự");
        }
        this.name = trimmed;
        this.parameters = newParameters.atPage(0, newParameters.size()).toQueryString();
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public SearchParameters parameters() {
        return SearchParameters.fromQueryString(parameters);
    }

    public String parametersText() {
        return parameters;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
