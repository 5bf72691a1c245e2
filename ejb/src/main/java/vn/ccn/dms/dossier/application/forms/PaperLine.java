package vn.ccn.dms.dossier.application.forms;

/**
 * One paper of a dossier as listed on the receipt slip: how many originals and copies were handed in, and
 * whether it came as an electronic file.
 */
public record PaperLine(String name, int originals, int copies, boolean electronic) { }
