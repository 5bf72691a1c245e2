/** Creating, sending, answering and closing opinion requests, and their timers. */
package vn.ccn.dms.coordination.application;
