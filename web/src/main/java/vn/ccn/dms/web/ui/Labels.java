package vn.ccn.dms.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.document.domain.Direction;
import vn.ccn.dms.document.domain.DocumentStatus;
import vn.ccn.dms.document.domain.Secrecy;
import vn.ccn.dms.document.domain.Urgency;

/**
 * How the pages write values for a Vietnamese reader: dates as dd/MM/yyyy in the agency's time zone
 * (configured, {@code Asia/Ho_Chi_Minh} by default), sizes with a decimal comma, and the Vietnamese names of
 * statuses, urgency, secrecy and audit actions from the {@code Messages} bundle.
 */
@Named("labels")
@ApplicationScoped
public class Labels {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("vn.ccn.dms.web.ui.Messages", VIETNAMESE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Inject
    private DmsSettings settings;

    @Inject
    private Clock clock;

    /** Today in the agency's time zone, for the defaults of date fields. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public ZoneId zone() {
        return settings.zone();
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dayOf(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone()));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    /** Bytes as a reader counts them: "12,3 KB", "1,5 MB". */
    public String size(long bytes) {
        NumberFormat f = NumberFormat.getNumberInstance(VIETNAMESE);
        f.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return bytes + " byte";
        }
        if (bytes < 1024 * 1024) {
            return f.format(bytes / 1024.0) + " KB";
        }
        return f.format(bytes / (1024.0 * 1024.0)) + " MB";
    }

    public String status(DocumentStatus status) {
        return status == null ? "" : text("status." + status.name(), status.name());
    }

    public String direction(Direction direction) {
        return direction == null ? "" : text("direction." + direction.name(), direction.name());
    }

    public String urgency(Urgency urgency) {
        return urgency == null ? "" : urgency.labelVi();
    }

    public String secrecy(Secrecy secrecy) {
        return secrecy == null ? "" : secrecy.labelVi();
    }

    public List<Urgency> urgencies() {
        return List.of(Urgency.values());
    }

    public List<Secrecy> secrecies() {
        return List.of(Secrecy.values());
    }

    public String auditAction(String action) {
        return action == null ? "" : text("audit.action." + action, action);
    }

    /** The detail of an audit entry (a flat JSON object) as "Vietnamese name: value" pairs. */
    public String auditDetail(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return o.entrySet().stream()
                    .map(e -> text("audit.detail." + e.getKey(), e.getKey()) + ": "
                            + value(e.getValue() instanceof JsonString s ? s.getString() : e.getValue().toString()))
                    .collect(Collectors.joining("; "));
        } catch (JsonException | ClassCastException e) {
            return json;
        }
    }

    private static String value(String v) {
        return switch (v) {
            case "true" -> "có";
            case "false" -> "không";
            default -> v;
        };
    }

    /** The Vietnamese name of a field the services name in their error lists ("issuedDate: ..."). */
    static String field(String field) {
        return text("field." + field, field);
    }

    static String text(String key, String fallback) {
        try {
            return MESSAGES.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
