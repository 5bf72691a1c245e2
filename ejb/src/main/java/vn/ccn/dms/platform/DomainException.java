package vn.ccn.dms.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal the user can act on. Rolls back the transaction. Carries a problem type, an HTTP-like status
 * for the API and a message in Vietnamese for the user; the web layer turns it into RFC 9457 problem JSON.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private final Problem problem;
    private final transient Map<String, Object> extensions;

    public DomainException(Problem problem, String messageVi) {
        this(problem, messageVi, Map.of());
    }

    public DomainException(Problem problem, String messageVi, Map<String, Object> extensions) {
        super(Objects.requireNonNull(messageVi, "messageVi"));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.extensions = Map.copyOf(extensions);
    }

    public static DomainException invalid(String messageVi, List<String> errors) {
        return new DomainException(Problem.INVALID_INPUT, messageVi, Map.of("errors", List.copyOf(errors)));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
