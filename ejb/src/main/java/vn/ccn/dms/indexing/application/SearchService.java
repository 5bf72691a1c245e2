package vn.ccn.dms.indexing.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.indexing.domain.Readers;
import vn.ccn.dms.indexing.domain.SearchParameters;
import vn.ccn.dms.indexing.domain.SearchResultView;
import vn.ccn.dms.indexing.domain.VersionIndexView;
import vn.ccn.dms.indexing.infrastructure.JdbcIndexingStore;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.search.DocumentIndex;
import vn.ccn.dms.search.FacetBucket;
import vn.ccn.dms.search.FacetField;
import vn.ccn.dms.search.SearchHit;
import vn.ccn.dms.search.SearchIndexException;
import vn.ccn.dms.search.SearchPage;
import vn.ccn.dms.search.SearchQuery;
import vn.ccn.dms.search.SearchSort;
import vn.ccn.dms.search.SearchUnavailableException;

/**
 * Full-text search as the logged-in user. The user's principals ({@code user:<name>}, {@code agency:<code>}) go
 * into every query, so hits, totals, facet counts and snippets only ever come from documents the user may read
 * (the rule of {@code DocumentService.readable}, stored with each entry). Bad input is a 400 with a Vietnamese
 * message; an unreachable cluster a 503; never a 500.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SearchService {

    /** More words than this is not a search but a pasted page; refused with a clear message. */
    static final int MAX_WORDS = 100;
    /** Rows an export may hold (a result list, not a dump of the archive). */
    public static final int MAX_EXPORT_ROWS = 2_000;

    private static final Map<String, String> STATUS_LABELS =
            Map.of("DRAFT", "Dự thảo", "AWAITING_SIGNATURE", "Chờ lãnh đạo ký", "SIGNED", "Lãnh đạo đã ký, chờ cấp số",
                    "NUMBERED", "Đã cấp số, chờ ký số của cơ quan", "REGISTERED", "Đã vào sổ", "ISSUED", "Đã ban hành");

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private DocumentService documents;

    @Inject
    private DocumentIndex index;

    @EJB
    private JdbcIndexingStore store;

    @EJB
    private IndexRebuild rebuild;

    @EJB
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** One page of results. */
    @PermitAll
    public SearchResultView search(SearchParameters p) {
        AppUser user = directory.currentUser();
        return run(user, p);
    }

    /** Every result of a search up to {@link #MAX_EXPORT_ROWS}, for export; audited. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ExportedResults exportRows(SearchParameters p, String format) {
        AppUser user = directory.currentUser();
        List<SearchResultView.Hit> rows = new ArrayList<>();
        long total = 0;
        int size = SearchParameters.MAX_SIZE;
        for (int page = 0; rows.size() < MAX_EXPORT_ROWS; page++) {
            SearchResultView view = run(user, p.atPage(page, size));
            total = view.total();
            rows.addAll(view.hits());
            if (view.hits().size() < size) {
                break;
            }
        }
        if (rows.size() > MAX_EXPORT_ROWS) {
            rows = rows.subList(0, MAX_EXPORT_ROWS);
        }
        audit.record("EXPORT_SEARCH", "search", user.username(), Map.of("format", format, "query", p.toQueryString(),
                "rows", Integer.toString(rows.size())));
        return new ExportedResults(p, List.copyOf(rows), total, user.fullName(), user.agency().name(), clock.instant());
    }

    /** The rows of an export and what the printout says about them. */
    public record ExportedResults(SearchParameters parameters, List<SearchResultView.Hit> rows, long total,
            String exportedBy, String agencyName, Instant exportedAt) {
    }

    /** The indexing state of each version of a document the caller may read. */
    @PermitAll
    public List<VersionIndexView> indexStates(long documentId) {
        if (!documents.canRead(documentId)) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản " + documentId
                    + " hoặc bạn không có quyền xem văn bản này");
        }
        return store.states(documentId);
    }

    @RolesAllowed("ADMIN")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public IndexRebuild.Progress startRebuild(boolean retryFailedExtraction) {
        AppUser user = directory.currentUser();
        try {
            IndexRebuild.Progress p = rebuild.start(user.username(), retryFailedExtraction);
            audit.record("REBUILD_INDEX", "search", "documents", Map.of("retryFailedExtraction",
                    Boolean.toString(retryFailedExtraction)));
            return p;
        } catch (IllegalStateException e) {
            throw new DomainException(Problem.CONFLICT, "Đang xây dựng lại chỉ mục; hãy chờ lần hiện tại xong");
        }
    }

    @RolesAllowed("ADMIN")
    public IndexRebuild.Progress rebuildProgress() {
        return rebuild.progress();
    }

    private SearchResultView run(AppUser user, SearchParameters p) {
        if (p.text().split("\\s+").length > MAX_WORDS) {
            throw DomainException.invalid("Chuỗi tìm kiếm quá dài", List.of("q: tối đa " + MAX_WORDS + " từ"));
        }
        SearchQuery.Builder query = SearchQuery.forReaders(Readers.ofUser(user.username(), user.agency().code().value()))
                .text(p.text())
                .sort(switch (p.sort()) {
                    case RELEVANCE -> SearchSort.RELEVANCE;
                    case NEWEST -> SearchSort.DATE_NEWEST_FIRST;
                    case OLDEST -> SearchSort.DATE_OLDEST_FIRST;
                })
                .page(p.page(), p.size());
        filter(query, FacetField.TYPE, p.types());
        filter(query, FacetField.ISSUER, p.issuers());
        filter(query, FacetField.YEAR, p.years());
        filter(query, FacetField.AGENCY, p.agencies());
        filter(query, FacetField.CCN, p.ccns());
        filter(query, FacetField.STATUS, p.statuses());
        SearchPage page;
        try {
            page = index.search(query.build());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Điều kiện tìm kiếm không hợp lệ", List.of(e.getMessage()));
        } catch (SearchUnavailableException e) {
            throw new SearchTemporarilyUnavailableException("Chức năng tìm kiếm tạm thời không sử dụng được (máy chủ"
                    + " tìm kiếm không phản hồi). Các chức năng khác vẫn hoạt động; vui lòng thử lại sau.", e);
        } catch (SearchIndexException e) {
            if (String.valueOf(e.getMessage()).contains("HTTP 400")) {
                // The cluster refused the query itself (for example too many clauses): the user can change it.
                throw DomainException.invalid("Câu tìm kiếm quá phức tạp, hãy rút gọn", List.of("q: " + shorten(e.getMessage())));
            }
            throw new SearchTemporarilyUnavailableException("Chức năng tìm kiếm tạm thời gặp lỗi; vui lòng thử lại sau.", e);
        }
        List<SearchResultView.Hit> hits = page.hits().stream().map(SearchService::hit).toList();
        return new SearchResultView(p.text(), page.total(), page.page(), page.size(), hits, facets(page),
                page.took().toMillis());
    }

    private static void filter(SearchQuery.Builder query, FacetField field, Set<String> values) {
        if (!values.isEmpty()) {
            query.filter(field, values.toArray(String[]::new));
        }
    }

    private static SearchResultView.Hit hit(SearchHit h) {
        long id;
        try {
            id = Long.parseLong(h.id());
        } catch (NumberFormatException e) {
            id = -1;
        }
        return new SearchResultView.Hit(id, h.versionId(), h.score(), h.numberSymbol(), h.typeName(), h.issuer(),
                h.date(), h.summary(), h.highlights());
    }

    private Map<String, List<SearchResultView.Facet>> facets(SearchPage page) {
        Map<String, String> typeNames = new HashMap<>();
        Map<String, String> agencyNames = new HashMap<>();
        if (!page.facets().getOrDefault(FacetField.TYPE, List.of()).isEmpty()) {
            for (Object[] row : rows("select code, name_vi from document_type")) {
                typeNames.put((String) row[0], (String) row[1]);
            }
        }
        if (!page.facets().getOrDefault(FacetField.AGENCY, List.of()).isEmpty()) {
            for (Object[] row : rows("select code, name from agency")) {
                agencyNames.put((String) row[0], (String) row[1]);
            }
        }
        Map<String, List<SearchResultView.Facet>> out = new LinkedHashMap<>();
        for (FacetField field : FacetField.values()) {
            List<SearchResultView.Facet> buckets = new ArrayList<>();
            for (FacetBucket b : page.facets().getOrDefault(field, List.of())) {
                String label = switch (field) {
                    case TYPE -> typeNames.getOrDefault(b.value(), b.value());
                    case AGENCY -> agencyNames.getOrDefault(b.value(), b.value());
                    case STATUS -> STATUS_LABELS.getOrDefault(b.value(), b.value());
                    default -> b.value();
                };
                buckets.add(new SearchResultView.Facet(b.value(), label, b.count()));
            }
            out.put(paramName(field), buckets);
        }
        return out;
    }

    /** The request parameter that filters on a facet field. */
    public static String paramName(FacetField field) {
        return switch (field) {
            case TYPE -> "type";
            case ISSUER -> "issuer";
            case YEAR -> "year";
            case AGENCY -> "agency";
            case CCN -> "ccn";
            case STATUS -> "status";
        };
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
