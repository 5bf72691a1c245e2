package vn.ccn.dms.directory.domain;

/**
 * What a user may do in the application. The names are the security roles of the EAR; a user holds
 * them as groups of the database identity store.
 */
public enum ApplicationRole {
    /** Reception desk / văn thư: registers incoming documents, issues numbers, prints registers. */
    CLERK,
    /** Chuyên viên: drafts outgoing documents, handles dossiers. */
    SPECIALIST,
    /** Lãnh đạo: approves and signs. */
    LEADER,
    /** Reads what the agency may read; changes nothing. */
    READER,
    /** Maintains the directory, users and reference data. */
    ADMIN
}
