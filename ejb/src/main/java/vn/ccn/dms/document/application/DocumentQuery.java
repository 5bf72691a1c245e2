package vn.ccn.dms.document.application;

import java.time.LocalDate;
import vn.ccn.dms.document.domain.Direction;

/** Filters of the document list; every field may be null. Page numbers start at 0. */
public record DocumentQuery(Direction direction, String typeCode, String text, LocalDate from, LocalDate to,
        int page, int size) {
}
