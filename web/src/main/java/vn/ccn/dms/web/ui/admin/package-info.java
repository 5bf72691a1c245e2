/**
 * Administration pages: the backing beans of the screens under {@code /app/admin} through which an administrator
 * maintains the rules kept as data (here the working-day calendar). The services they call check the ADMIN role.
 */
package vn.ccn.dms.web.ui.admin;
