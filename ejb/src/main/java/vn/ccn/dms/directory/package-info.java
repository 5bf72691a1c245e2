/**
 * The directory: agencies with their electronic identifiers, the functional roles the regulation assigns
 * work to, who holds which role on which date, and the users of each agency with their application roles.
 */
package vn.ccn.dms.directory;
