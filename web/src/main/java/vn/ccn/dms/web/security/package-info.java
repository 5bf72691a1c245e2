/**
 * Authentication: users and hashed passwords in the database identity store; HTTP Basic for API clients and
 * a form login with a session for the UI, both in one mechanism because Jakarta Security 3 allows one.
 */
package vn.ccn.dms.web.security;
