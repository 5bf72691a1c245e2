/**
 * The search page ({@code app/search.xhtml}): full-text search with facets, snippets, paging, saved searches
 * and export links, over {@link vn.ccn.dms.indexing.application.SearchService}; no rules here.
 */
package vn.ccn.dms.web.ui.search;
