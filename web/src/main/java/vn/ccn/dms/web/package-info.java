/** The web module: the REST API under {@code /api/v1}, the Faces UI and authentication. No business rules. */
package vn.ccn.dms.web;
