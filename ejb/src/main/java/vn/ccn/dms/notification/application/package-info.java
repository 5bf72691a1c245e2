/** The notification inbox of each user and the writers used by outbox handlers. */
package vn.ccn.dms.notification.application;
