package vn.ccn.dms.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import vn.ccn.dms.indexing.application.SearchTemporarilyUnavailableException;

/**
 * An unreachable search cluster is a 503 with a Vietnamese explanation and {@code Retry-After}: searching is
 * unavailable for a moment, the rest of the application is not affected.
 */
@Provider
public class SearchProblemMapper implements ExceptionMapper<SearchTemporarilyUnavailableException> {

    static final int RETRY_AFTER_SECONDS = 30;

    @Override
    public Response toResponse(SearchTemporarilyUnavailableException e) {
        Response problem = Problems.of(503, "urn:dms:problem:search-unavailable", "Tìm kiếm tạm thời không sử dụng được",
                e.getMessage(), Map.of());
        return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
