package vn.ccn.dms.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.platform.DomainException;

/** Every error of the API leaves as problem JSON with a Vietnamese title and detail. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class Domain implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            return Problems.of(e.problem().status(), e.problem().type(), e.problem().titleVi(), e.getMessage(),
                    e.extensions());
        }
    }

    @Provider
    public static class Ejb implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof DomainException d) {
                    return new Domain().toResponse(d);
                }
                if (cause instanceof EJBAccessException) {
                    return forbidden();
                }
                if (cause instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                    // PostgreSQL's character_not_in_repertoire: text holding U+0000, which no text column can store.
                    // The transaction rolled back; the user gets told what to change instead of a system error.
                    return Problems.of(400, "urn:dms:problem:invalid-input", "Dữ liệu không hợp lệ",
                            "Dữ liệu chứa ký tự không được phép (ký tự NUL, mã U+0000); hãy xóa ký tự đó và gửi lại",
                            Map.of("errors", java.util.List.of("body: ký tự U+0000 không được phép")));
                }
                cause = cause.getCause() == cause ? null : cause.getCause();
            }
            return unexpected(e);
        }
    }

    @Provider
    public static class Access implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return forbidden();
        }
    }

    @Provider
    public static class BadJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            String cause = e.getMessage() == null ? "" : e.getMessage();
            LOG.fine(() -> "unreadable JSON: " + cause);
            String shown = withoutClassNames(cause);
            return Problems.of(400, "urn:dms:problem:invalid-input", "Dữ liệu không hợp lệ",
                    "Nội dung JSON không đọc được hoặc sai kiểu dữ liệu",
                    Map.of("errors", java.util.List.of("body: " + (shown.length() > 300 ? shown.substring(0, 300) : shown))));
        }

        /** The parser's words without the server's class names ({@code class a.b.C$D} becomes {@code D}). */
        static String withoutClassNames(String message) {
            return CLASS_NAME.matcher(message).replaceAll(m -> {
                String name = m.group(2);
                return java.util.regex.Matcher.quoteReplacement(name.substring(Math.max(name.lastIndexOf('.'),
                        name.lastIndexOf('$')) + 1));
            });
        }

        private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
                "(class |interface )?((?:[a-z_][\\w]*\\.){2,}[A-Za-z_][\\w$]*)");
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            Throwable cause = e.getCause();
            if (cause instanceof JsonbException j) {
                return new BadJson().toResponse(j);
            }
            if (cause != null && cause.getClass().getName().contains("Json")) {
                return new BadJson().toResponse(new JsonbException(String.valueOf(cause.getMessage()), cause));
            }
            // By status, not by class: a path parameter that is not a number (documents/abc) comes as a plain
            // WebApplicationException with 404 and must read like any other missing resource.
            String title = switch (status) {
                case 400 -> "Yêu cầu không hợp lệ";
                case 403 -> "Không có quyền thực hiện";
                case 404 -> "Không tìm thấy";
                case 405 -> "Phương thức không được hỗ trợ";
                case 406 -> "Không trả được kiểu nội dung được yêu cầu";
                case 415 -> "Kiểu nội dung không được hỗ trợ";
                default -> "Lỗi yêu cầu";
            };
            return Problems.of(status, "urn:dms:problem:http-" + status, title, null, Map.of());
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof DomainException d) {
                return new Domain().toResponse(d);
            }
            if (e instanceof EJBException ejb) {
                return new Ejb().toResponse(ejb);
            }
            if (e instanceof WebApplicationException w) {
                return new Web().toResponse(w);
            }
            if (e instanceof jakarta.ws.rs.ProcessingException) {
                // Jersey wraps a body JSON-B could not read ("Error deserializing object from entity stream").
                for (Throwable c = e.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
                    if (c instanceof JsonbException j) {
                        return new BadJson().toResponse(j);
                    }
                    if (c.getClass().getName().contains("Json")) {
                        return new BadJson().toResponse(new JsonbException(String.valueOf(c.getMessage()), c));
                    }
                }
            }
            return unexpected(e);
        }
    }

    static Response forbidden() {
        return Problems.of(403, "urn:dms:problem:forbidden", "Không có quyền thực hiện",
                "Vai trò của bạn không được phép thực hiện thao tác này", Map.of());
    }

    static Response unexpected(Throwable e) {
        String ref = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error, reference " + ref, e);
        return Problems.of(500, "urn:dms:problem:internal", "Lỗi hệ thống",
                "Đã xảy ra lỗi không mong muốn. Mã tham chiếu: " + ref, Map.of("reference", ref));
    }
}
