package vn.ccn.dms.web.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import vn.ccn.dms.platform.Problem;

/**
 * Reads an API query string sent with raw UTF-8 bytes instead of percent-escapes ({@code curl "…?q=hạ tầng"}, some
 * scripts) as the UTF-8 it is. The HTTP listener maps each byte of the request line to one character (ISO-8859-1),
 * so "hạ" arrived as "háº¡", and a search for it found nothing without saying why. Bytes that are not UTF-8 (a
 * script writing Windows-1258) are refused with a problem in Vietnamese rather than guessed at. A query string that
 * is plain ASCII, as browsers and HTTP libraries send it, passes untouched.
 */
@WebFilter(urlPatterns = "/api/*")
public class QueryEncodingFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request instanceof HttpServletRequest http ? http.getQueryString() : null;
        if (query == null || query.chars().allMatch(c -> c < 0x80)) {
            chain.doFilter(request, response);
            return;
        }
        String escaped = percentEscaped(query);
        if (escaped == null) {
            HttpServletResponse r = (HttpServletResponse) response;
            Problem problem = Problem.INVALID_INPUT;
            r.setStatus(problem.status());
            r.setContentType(Problems.PROBLEM_JSON.toString());
            r.getWriter().write(Problems.body(problem.status(), problem.type(), problem.titleVi(),
                    "Tham số trên địa chỉ không phải chữ mã hóa UTF-8. Hãy gửi tiếng Việt theo UTF-8, "
                            + "mã hóa phần trăm (ví dụ q=h%E1%BA%A1 cho \"hạ\").", Map.of()));
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
            @Override
            public String getQueryString() {
                return escaped;
            }
        }, response);
    }

    /**
     * The query string with its non-ASCII part percent-escaped as UTF-8, or null when its bytes are not UTF-8.
     * Characters up to U+00FF are the listener's one-byte view of the request line; a character above (a container
     * that decoded the line itself) is escaped as its own UTF-8.
     */
    static String percentEscaped(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length() + 16);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c <= 0xFF) {
                bytes.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < query.length() ? i + 2 : i + 1;
                bytes.writeBytes(query.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        byte[] raw = bytes.toByteArray();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
        } catch (CharacterCodingException e) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length + 32);
        for (byte b : raw) {
            if (b >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
