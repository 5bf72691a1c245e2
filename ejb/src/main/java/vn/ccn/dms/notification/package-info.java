/**
 * Notifications to users inside the application: written by outbox handlers after the causing transaction
 * commits, exactly once per source event and recipient.
 */
package vn.ccn.dms.notification;
