package vn.ccn.dms.web.ui.search;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.ccn.dms.indexing.application.SavedSearchService;
import vn.ccn.dms.indexing.application.SavedSearchService.SavedSearchView;
import vn.ccn.dms.indexing.application.SearchService;
import vn.ccn.dms.indexing.application.SearchTemporarilyUnavailableException;
import vn.ccn.dms.indexing.domain.InvalidSearchParameters;
import vn.ccn.dms.indexing.domain.SearchParameters;
import vn.ccn.dms.indexing.domain.SearchResultView;
import vn.ccn.dms.platform.DomainException;

/**
 * Backs {@code app/search.xhtml}. The search lives in the address ({@code search.xhtml?q=...&type=QĐ&page=1}),
 * so a result page can be bookmarked, shared and reloaded; facet links add or remove one filter value.
 */
@Named
@ViewScoped
public class DocumentSearch implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FACET_TITLES = new LinkedHashMap<>();

    static {
        FACET_TITLES.put("type", "Loại văn bản");
        FACET_TITLES.put("year", "Năm");
        FACET_TITLES.put("issuer", "Cơ quan ban hành");
        FACET_TITLES.put("agency", "Cơ quan lưu giữ");
        FACET_TITLES.put("status", "Trạng thái");
        FACET_TITLES.put("ccn", "Cụm công nghiệp");
    }

    @Inject
    private SearchService search;

    @Inject
    private SavedSearchService saved;

    private String q;
    private String type;
    private String issuer;
    private String year;
    private String agency;
    private String ccn;
    private String status;
    private String sort;
    private int page;
    private String saveName;
    private String error;
    private transient SearchResultView result;
    private transient List<SavedSearchView> savedSearches;

    /** Runs the search given by the address on first display. */
    public void load() {
        try {
            savedSearches = saved.list();
        } catch (EJBException | DomainException e) {
            savedSearches = List.of();
        }
        if (blank(q) && blank(type) && blank(issuer) && blank(year) && blank(agency) && blank(ccn) && blank(status)) {
            return;
        }
        try {
            result = search.search(parameters(page));
        } catch (SearchTemporarilyUnavailableException e) {
            error = e.getMessage();
        } catch (IllegalArgumentException e) {
            List<String> reasons = e instanceof InvalidSearchParameters all ? all.errors() : List.of(String.valueOf(e.getMessage()));
            error = reasons.stream().map(DocumentSearch::sentence).collect(Collectors.joining(" "));
        } catch (DomainException e) {
            error = e.getMessage() + details(e);
        } catch (EJBException e) {
            error = e.getCause() instanceof DomainException d ? d.getMessage() + details(d)
                    : "Không tìm kiếm được; vui lòng thử lại.";
        }
    }

    /** "year: năm phải có 4 chữ số …": the parameter's name is for the API; the page shows the sentence. */
    static String sentence(String reason) {
        String message = reason.replaceFirst("^[a-z]+: ", "");
        if (message.isEmpty()) {
            return message;
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
    }

    private static String details(DomainException e) {
        Object errors = e.extensions().get("errors");
        return errors instanceof List<?> list && !list.isEmpty() ? ": " + list.get(0) : "";
    }

    SearchParameters parameters(int atPage) {
        return new SearchParameters(q, values(type), issuer == null ? Set.of() : Set.of(issuer), values(year),
                values(agency), values(ccn), values(status), sortValue(), atPage, SearchParameters.DEFAULT_SIZE);
    }

    private SearchParameters.Sort sortValue() {
        if ("newest".equals(sort)) {
            return SearchParameters.Sort.NEWEST;
        }
        if ("oldest".equals(sort)) {
            return SearchParameters.Sort.OLDEST;
        }
        return SearchParameters.Sort.RELEVANCE;
    }

    private static Set<String> values(String commaSeparated) {
        // A set that accepts repeats: "year=2025,2025" from an edited address is one year, not an error.
        return blank(commaSeparated) ? Set.of() : new LinkedHashSet<>(List.of(commaSeparated.split(",")));
    }

    /** Saves the current search under the typed name. */
    public void saveSearch() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            saved.create(saveName, parameters(0));
            savedSearches = saved.list();
            saveName = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Đã lưu tìm kiếm.", null));
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage() + details(e), null));
        } catch (EJBException e) {
            String message = e.getCause() instanceof DomainException d ? d.getMessage() + details(d) : "Không lưu được tìm kiếm.";
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
    }

    /** Address of this page with the current search, one filter value toggled. */
    public String toggle(String facet, String value) {
        Map<String, String> params = current();
        String existing = params.get(facet);
        if (existing != null && existing.equals(value)) {
            params.remove(facet);
        } else {
            params.put(facet, value);
        }
        params.remove("page");
        return "search.xhtml?" + encode(params);
    }

    public boolean selected(String facet, String value) {
        return value.equals(current().get(facet));
    }

    /** Address of another page of the same results. */
    public String pageLink(int target) {
        Map<String, String> params = current();
        params.put("page", Integer.toString(target));
        return "search.xhtml?" + encode(params);
    }

    /** Address of the export of the current results. */
    public String exportLink(String format) {
        Map<String, String> params = current();
        params.remove("page");
        params.put("format", format);
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/search/export?"
                + encode(params);
    }

    /** Address of this page running a saved search. */
    public String savedLink(SavedSearchView s) {
        return "search.xhtml?" + s.parameters();
    }

    private Map<String, String> current() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", q);
        put(params, "type", type);
        put(params, "issuer", issuer);
        put(params, "year", year);
        put(params, "agency", agency);
        put(params, "ccn", ccn);
        put(params, "status", status);
        put(params, "sort", sort);
        if (page > 0) {
            params.put("page", Integer.toString(page));
        }
        return params;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (!blank(value)) {
            params.put(name, value);
        }
    }

    private static String encode(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public List<Map.Entry<String, String>> facetTitles() {
        return List.copyOf(FACET_TITLES.entrySet());
    }

    public List<SearchResultView.Facet> facet(String name) {
        return result == null ? List.of() : result.facets().getOrDefault(name, List.of());
    }

    public boolean hasPrevious() {
        return result != null && page > 0;
    }

    public boolean hasNext() {
        return result != null && (long) (page + 1) * result.size() < Math.min(result.total(), 10_000);
    }

    public SearchResultView getResult() {
        return result;
    }

    public List<SavedSearchView> getSavedSearches() {
        return savedSearches == null ? List.of() : savedSearches;
    }

    public String getError() {
        return error;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getCcn() {
        return ccn;
    }

    public void setCcn(String ccn) {
        this.ccn = ccn;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }

    public String getSaveName() {
        return saveName;
    }

    public void setSaveName(String saveName) {
        this.saveName = saveName;
    }
}
