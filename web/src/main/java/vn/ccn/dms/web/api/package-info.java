/**
 * The REST API, version 1: resources, request records and the mapping of every error to RFC 9457
 * problem details. Resources call application services and hold no rules.
 */
package vn.ccn.dms.web.api;
