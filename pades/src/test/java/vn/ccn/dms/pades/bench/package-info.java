/** The benchmark of signing and validation against bare PDFBox + Bouncy Castle and EU DSS (a main, not a test). */
package vn.ccn.dms.pades.bench;
