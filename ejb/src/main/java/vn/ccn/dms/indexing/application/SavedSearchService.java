package vn.ccn.dms.indexing.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.indexing.domain.SavedSearch;
import vn.ccn.dms.indexing.domain.SearchParameters;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/** Saved searches of the logged-in user: each user sees, changes and deletes only their own. */
@Stateless
@PermitAll
public class SavedSearchService {

    /** A generous bound that still keeps one account from filling the table. */
    static final int MAX_PER_USER = 200;

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @Inject
    private Clock clock;

    /** A saved search as the API shows it. */
    public record SavedSearchView(long id, String name, String parameters, SearchParameters search, Instant createdAt,
            Instant updatedAt) {
        static SavedSearchView of(SavedSearch s) {
            return new SavedSearchView(s.id(), s.name(), s.parametersText(), s.parameters(), s.createdAt(), s.updatedAt());
        }
    }

    public List<SavedSearchView> list() {
        return em.createQuery("select s from SavedSearch s where s.owner = :o order by s.name", SavedSearch.class)
                .setParameter("o", owner()).getResultList().stream().map(SavedSearchView::of).toList();
    }

    public SavedSearchView get(long id) {
        return SavedSearchView.of(own(id));
    }

    public SavedSearchView create(String name, SearchParameters parameters) {
        String owner = owner();
        long count = em.createQuery("select count(s) from SavedSearch s where s.owner = :o", Long.class)
                .setParameter("o", owner).getSingleResult();
        if (count >= MAX_PER_USER) {
            throw new DomainException(Problem.CONFLICT, "Mỗi người dùng lưu được tối đa " + MAX_PER_USER + " tìm kiếm");
        }
        requireFreeName(owner, name, null);
        SavedSearch s;
        try {
            s = new SavedSearch(owner, name == null ? "" : name, parameters, clock.instant());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Tìm kiếm đã lưu không hợp lệ", List.of(e.getMessage()));
        }
        em.persist(s);
        em.flush();
        return SavedSearchView.of(s);
    }

    public SavedSearchView update(long id, String name, SearchParameters parameters) {
        SavedSearch s = own(id);
        requireFreeName(s.owner(), name, id);
        try {
            s.change(name == null ? "" : name, parameters, clock.instant());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Tìm kiếm đã lưu không hợp lệ", List.of(e.getMessage()));
        }
        em.flush();
        return SavedSearchView.of(s);
    }

    public void delete(long id) {
        em.remove(own(id));
    }

    private void requireFreeName(String owner, String name, Long except) {
        if (name == null) {
            return;
        }
        List<SavedSearch> same = em.createQuery("select s from SavedSearch s where s.owner = :o and s.name = :n",
                SavedSearch.class).setParameter("o", owner).setParameter("n", name.strip()).getResultList();
        if (same.stream().anyMatch(s -> !s.id().equals(except))) {
            throw new DomainException(Problem.CONFLICT, "Đã có tìm kiếm đã lưu tên \"" + name.strip() + "\"");
        }
    }

    private SavedSearch own(long id) {
        SavedSearch s = em.find(SavedSearch.class, id);
        if (s == null || !s.owner().equals(owner())) {
            // Someone else's saved search looks exactly like a missing one.
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy tìm kiếm đã lưu " + id);
        }
        return s;
    }

    private String owner() {
        return directory.currentUser().username();
    }
}
