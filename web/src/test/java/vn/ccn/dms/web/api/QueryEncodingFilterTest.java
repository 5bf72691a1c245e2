package vn.ccn.dms.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryEncodingFilterTest {

    /** What the HTTP listener hands over for raw bytes: one character per byte. */
    private static String asListenerSeesIt(String sent) {
        return new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void rawUtf8BecomesTheEscapedFormThatDecodesToWhatWasTyped() {
        String escaped = QueryEncodingFilter.percentEscaped(asListenerSeesIt("q=hạ tầng Đồng Đăng&size=1"));
        assertEquals("q=h%E1%BA%A1 t%E1%BA%A7ng %C4%90%E1%BB%93ng %C4%90%C4%83ng&size=1", escaped);
        assertEquals("q=hạ tầng Đồng Đăng&size=1", URLDecoder.decode(escaped.replace(" ", "%20"), StandardCharsets.UTF_8));
    }

    @Test
    void escapesAlreadyThereAndAsciiAreKept() {
        assertEquals("q=h%E1%BA%A1%20x&type=Q%C4%90", QueryEncodingFilter.percentEscaped("q=h%E1%BA%A1%20x&type=Q%C4%90"));
    }

    @Test
    void charactersAContainerDecodedItselfAreEscapedAsTheirOwnUtf8() {
        assertEquals("q=%E1%BA%A1%F0%9F%98%80", QueryEncodingFilter.percentEscaped("q=ạ😀"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotGuessed() {
        // "hà" in Windows-1252/1258 is 68 E0: E0 starts a three-byte UTF-8 sequence that never comes.
        assertNull(QueryEncodingFilter.percentEscaped("q=h\u00e0"));
        assertNull(QueryEncodingFilter.percentEscaped("q=\u00ff\u00fe"));
    }
}
