package vn.ccn.dms.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action and every detail key the services write into an audit entry has a Vietnamese name on the pages:
 * they are read from the calls to the audit trail in the EJB module's sources, so a new one without a name fails
 * here rather than showing "legalBasis: …" or "SIGN_BATCH" to a clerk.
 */
class AuditDetailLabelsTest {

    private static final Path EJB_SOURCES = Path.of("..", "ejb", "src", "main", "java");
    private static final Pattern CALL = Pattern.compile("\\b(?:record|recordAs|recordAll)\\(");
    private static final Pattern MAP = Pattern.compile("Map\\.(?:of|entry)\\(");
    private static final Pattern PUT = Pattern.compile("\\bdetails?\\.put\\(\"([A-Za-z]+)\"");
    private static final Pattern ACTION = Pattern.compile(
            "\\b(?:record|recordAll)\\(\\s*\"([A-Z_]+)\"|\\brecordAs\\([^,()]+,\\s*\"([A-Z_]+)\"");
    private static final Pattern KEY = Pattern.compile("\"([A-Za-z]+)\"");

    @Test
    void everyAuditDetailKeyOfTheServicesHasAVietnameseName() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(EJB_SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                keys.addAll(detailKeys(Files.readString(f)));
            }
        }
        assertTrue(keys.size() > 40, () -> "the scan finds the audit calls: " + keys);
        List<String> unnamed = keys.stream().filter(k -> Labels.text("audit.detail." + k, null) == null).toList();
        assertEquals(List.of(), unnamed, "keys without audit.detail.<key> in Messages.properties");
    }

    @Test
    void everyAuditActionOfTheServicesHasAVietnameseName() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(EJB_SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = ACTION.matcher(Files.readString(f));
                while (m.find()) {
                    actions.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertTrue(actions.size() > 40, () -> "the scan finds the audit calls: " + actions);
        // "DOSSIER_" + action: the dossier actions are named one by one (DOSSIER_ACCEPT …)
        List<String> unnamed = actions.stream().filter(a -> !a.endsWith("_"))
                .filter(a -> Labels.text("audit.action." + a, null) == null).toList();
        assertEquals(List.of(), unnamed, "actions without audit.action.<ACTION> in Messages.properties");
    }

    @Test
    void aDetailReadsInVietnamese() {
        assertEquals("Căn cứ: QĐ 09/2025/QĐ-UBND Điều 2.2.b; Quy tắc: CCN_COPY_TO_SCT; Đã ký: có",
                new Labels().auditDetail("{\"legalBasis\":\"QĐ 09/2025/QĐ-UBND Điều 2.2.b\",\"rule\":\"CCN_COPY_TO_SCT\","
                        + "\"signed\":\"true\"}"));
    }

    /** The string keys of the maps passed to the audit trail, and of maps named detail(s) filled by put. */
    static Set<String> detailKeys(String source) {
        Set<String> keys = new TreeSet<>();
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            String args = balanced(source, call.end());
            Matcher map = MAP.matcher(args);
            while (map.find()) {
                List<String> parts = topLevel(balanced(args, map.end()));
                for (int i = 0; i < parts.size(); i += 2) {
                    Matcher key = KEY.matcher(parts.get(i).trim());
                    if (key.matches()) {
                        keys.add(key.group(1));
                    }
                }
            }
        }
        Matcher put = PUT.matcher(source);
        while (put.find()) {
            keys.add(put.group(1));
        }
        return keys;
    }

    /** The text from {@code start} to the parenthesis that closes the one just before it. */
    private static String balanced(String s, int start) {
        int depth = 1;
        int i = start;
        while (depth > 0 && i < s.length()) {
            char c = s.charAt(i++);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return s.substring(start, Math.max(start, i - 1));
    }

    private static List<String> topLevel(String args) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : args.toCharArray()) {
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
