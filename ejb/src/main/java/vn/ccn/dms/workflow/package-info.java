/**
 * The outbox handlers of the one-stop workflow: each turns a due outbox row (after a commit, or at a deadline)
 * into the action of its feature, inside the transaction that marks the row processed.
 */
package vn.ccn.dms.workflow;
