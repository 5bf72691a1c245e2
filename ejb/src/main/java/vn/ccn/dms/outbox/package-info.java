/**
 * The durable outbox: whatever must leave the system after a change (index updates, copies,
 * notifications) is written as a row in the same transaction as the change, and processed after commit.
 */
package vn.ccn.dms.outbox;
