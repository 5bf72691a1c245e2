/** Recording, querying and verifying the audit trail. */
package vn.ccn.dms.audit.application;
