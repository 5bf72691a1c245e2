package vn.ccn.dms.dossier.application;

/** Outbox topics about links between dossiers and documents. */
public final class DossierLinks {

    /** A document was linked to a dossier: its copies are evaluated again after the commit (subject: document id). */
    public static final String LINKED = "document-linked";

    private DossierLinks() {
    }
}
