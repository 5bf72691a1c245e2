/** Writing outbox rows inside the caller's transaction. */
package vn.ccn.dms.outbox.application;
