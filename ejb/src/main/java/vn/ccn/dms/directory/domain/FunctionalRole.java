package vn.ccn.dms.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A function the regulation assigns work to ("the state management agency for finance", "Provincial
 * Police"), seeded with its legal basis. Workflows name roles, never agencies (BRIEF §2).
 */
@Entity
@Table(name = "functional_role")
public class FunctionalRole {

    @Id
    private String code;

    @Column(name = "name_vi", nullable = false)
    private String nameVi;

    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;

    protected FunctionalRole() {
    }

    public String code() {
        return code;
    }

    public String nameVi() {
        return nameVi;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
