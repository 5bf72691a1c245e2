package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.indexing.application.IndexRebuild;
import vn.ccn.dms.indexing.application.SavedSearchService;
import vn.ccn.dms.indexing.application.SavedSearchService.SavedSearchView;
import vn.ccn.dms.indexing.application.SearchService;
import vn.ccn.dms.indexing.domain.InvalidSearchParameters;
import vn.ccn.dms.indexing.domain.SearchParameters;
import vn.ccn.dms.indexing.domain.SearchResultView;
import vn.ccn.dms.indexing.domain.VersionIndexView;
import vn.ccn.dms.indexing.infrastructure.PdfSearchExport;
import vn.ccn.dms.indexing.infrastructure.XlsxSearchExport;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * Full-text search over the documents the caller may read ({@code q, type, issuer, year, agency, ccn, status,
 * sort, page, size}), its exports to PDF and XLSX, saved searches, the indexing state of a document's versions,
 * and the administrator's rebuild of the index.
 */
@Path("search")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @EJB
    private SearchService search;

    @EJB
    private SavedSearchService saved;

    @Inject
    private DmsSettings settings;

    /** Searches with the query-string parameters. */
    @GET
    public SearchResultView search(@Context UriInfo uri) {
        return search.search(parameters(uri.getQueryParameters()));
    }

    /**
     * Searches with the parameters in a JSON body ({@code {"q": "...", "type": ["QĐ"], "page": 0}}), for queries
     * longer than a URL comfortably carries.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SearchResultView searchWithBody(JsonObject body) {
        return search.search(parameters(fromJson(body)));
    }

    /** The result list (up to {@value SearchService#MAX_EXPORT_ROWS} rows) as {@code format=pdf} or {@code xlsx}. */
    @GET
    @Path("export")
    @Produces({"application/pdf", XLSX, MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") @DefaultValue("pdf") String format, @Context UriInfo uri) {
        Map<String, List<String>> params = new LinkedHashMap<>(uri.getQueryParameters());
        params.remove("format");
        SearchParameters p = parameters(params);
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("pdf") && !f.equals("xlsx")) {
            throw DomainException.invalid("Định dạng xuất không hợp lệ", List.of("format: pdf hoặc xlsx"));
        }
        SearchService.ExportedResults rows = search.exportRows(p, f);
        byte[] body = f.equals("pdf") ? new PdfSearchExport(settings.zone()).write(rows)
                : new XlsxSearchExport(settings.zone()).write(rows);
        return Response.ok(body, f.equals("pdf") ? "application/pdf" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"ket-qua-tim-kiem." + f + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** Indexing state (pending, indexed, failed + reason) of every version of a readable document. */
    @GET
    @Path("documents/{id}/index-state")
    public List<VersionIndexView> indexState(@PathParam("id") long id) {
        return search.indexStates(id);
    }

    public record SavedSearchRequest(String name, String parameters) {
    }

    @GET
    @Path("saved")
    public List<SavedSearchView> savedSearches() {
        return saved.list();
    }

    @POST
    @Path("saved")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveSearch(SavedSearchRequest request) {
        DirectoryResource.requireBody(request);
        SavedSearchView view = saved.create(request.name(), parameters(request.parameters()));
        return Response.created(URI.create("search/saved/" + view.id())).entity(view).build();
    }

    @GET
    @Path("saved/{id}")
    public SavedSearchView savedSearch(@PathParam("id") long id) {
        return saved.get(id);
    }

    @PUT
    @Path("saved/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SavedSearchView updateSavedSearch(@PathParam("id") long id, SavedSearchRequest request) {
        DirectoryResource.requireBody(request);
        return saved.update(id, request.name(), parameters(request.parameters()));
    }

    @DELETE
    @Path("saved/{id}")
    public Response deleteSavedSearch(@PathParam("id") long id) {
        saved.delete(id);
        return Response.noContent().build();
    }

    /** Runs a saved search; {@code page} and {@code size} may be given. */
    @GET
    @Path("saved/{id}/results")
    public SearchResultView runSavedSearch(@PathParam("id") long id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        SearchParameters p = saved.get(id).search();
        Paging paging = Paging.of(page, size, 20, SearchParameters.MAX_SIZE);
        try {
            return search.search(p.atPage(paging.page(), paging.size()));
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
    }

    /**
     * Starts building a fresh index from the database (administrators); searches use the old index until the
     * new one is complete. {@code retryFailed=true} also extracts again the files that failed before.
     */
    @POST
    @Path("rebuild")
    public Response rebuild(@QueryParam("retryFailed") @DefaultValue("false") boolean retryFailed) {
        IndexRebuild.Progress progress = search.startRebuild(retryFailed);
        return Response.accepted(progress).location(URI.create("search/rebuild")).build();
    }

    @GET
    @Path("rebuild")
    public IndexRebuild.Progress rebuildProgress() {
        return search.rebuildProgress();
    }

    private static SearchParameters parameters(Map<String, List<String>> params) {
        try {
            return SearchParameters.from(params);
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
    }

    private static SearchParameters parameters(String queryString) {
        try {
            return SearchParameters.fromQueryString(queryString);
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
    }

    /** The problem for refused parameters, listing every reason when the parameters gave several. */
    private static DomainException invalid(IllegalArgumentException e) {
        return DomainException.invalid("Tham số tìm kiếm không hợp lệ",
                e instanceof InvalidSearchParameters all ? all.errors() : List.of(e.getMessage()));
    }

    private static Map<String, List<String>> fromJson(JsonObject body) {
        if (body == null) {
            throw new DomainException(Problem.INVALID_INPUT, "Thiếu nội dung yêu cầu (JSON)");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            List<String> values = new ArrayList<>();
            if (value instanceof JsonArray array) {
                array.forEach(v -> values.add(text(name, v)));
            } else {
                values.add(text(name, value));
            }
            params.put(name, values);
        });
        return params;
    }

    private static String text(String name, JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v.getValueType() == JsonValue.ValueType.NUMBER) {
            return v.toString();
        }
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        throw DomainException.invalid("Tham số tìm kiếm không hợp lệ", List.of(name + ": phải là chuỗi, số hoặc mảng"));
    }
}
