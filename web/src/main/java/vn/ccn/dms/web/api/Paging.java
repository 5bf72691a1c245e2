package vn.ccn.dms.web.api;

import java.util.ArrayList;
import java.util.List;
import vn.ccn.dms.platform.DomainException;

/**
 * The {@code page} and {@code size} query parameters of a list endpoint, read as text so that a malformed or out of
 * range value gets a 400 problem naming the parameter (a JAX-RS {@code int} parameter would answer 404 for
 * {@code page=abc}, and silently clamping {@code size=100000} hides the caller's mistake).
 *
 * @param page the page, from 0
 * @param size the items per page, from 1 to the endpoint's maximum
 */
public record Paging(int page, int size) {

    /**
     * @param page        the parameter as given, or {@code null} for the first page
     * @param size        the parameter as given, or {@code null} for {@code defaultSize}
     * @param defaultSize the size when none is given
     * @param maxSize     the largest size the endpoint serves
     * @throws DomainException {@code INVALID_INPUT} naming each bad parameter
     */
    public static Paging of(String page, String size, int defaultSize, int maxSize) {
        List<String> errors = new ArrayList<>();
        int p = parse(page, 0, 0, Integer.MAX_VALUE, "page: số trang là số nguyên từ 0", errors);
        int s = parse(size, defaultSize, 1, maxSize, "size: số mục mỗi trang là số nguyên từ 1 đến " + maxSize, errors);
        refuseIfAny(errors);
        return new Paging(p, s);
    }

    /**
     * A {@code max} query parameter (how many items a list returns at most).
     *
     * @throws DomainException {@code INVALID_INPUT} when it is not a whole number from 1 to {@code ceiling}
     */
    public static int max(String value, int absent, int ceiling) {
        List<String> errors = new ArrayList<>();
        int n = parse(value, absent, 1, ceiling, "max: số mục tối đa là số nguyên từ 1 đến " + ceiling, errors);
        refuseIfAny(errors);
        return n;
    }

    private static void refuseIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Tham số phân trang không hợp lệ", errors);
        }
    }

    private static int parse(String value, int absent, int min, int max, String error, List<String> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(error);
        return absent;
    }
}
