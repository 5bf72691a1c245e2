package vn.ccn.dms.document.application;

import java.util.List;

/** One page of a list and the total the filters match. */
public record Page<T>(long total, int page, int size, List<T> items) {
}
