/** Document services: registration, drafting, numbering, reading with access checks; one transaction each. */
package vn.ccn.dms.document.application;
