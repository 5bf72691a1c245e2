package vn.ccn.dms.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where a sign-in goes on to ({@code next}, from the login form and from the provider's answer alike): a page of
 * this application, never another site (an open redirect would let a link to our login page end on a look-alike).
 */
class AfterLoginTest {

    @Test
    void aPageOfTheApplicationIsKept() {
        assertEquals("/app/registers.xhtml", DmsAuthenticationMechanism.afterLogin("/app/registers.xhtml"));
        assertEquals("/app/document.xhtml?id=42", DmsAuthenticationMechanism.afterLogin("/app/document.xhtml?id=42"));
    }

    @Test
    void anythingElseGoesToTheDocumentList() {
        String home = DmsAuthenticationMechanism.HOME;
        for (String hostile : new String[] {null, "", "https://evil.example/app/", "//evil.example/app/x",
                "/app//evil.example", "/app/../api/v1/audit", "/app/\\evil.example", "/app/a\r\nSet-Cookie: x=1",
                "/app/a b", "/login.xhtml", "javascript:alert(1)", "/app/\u007f"}) {
            assertEquals(home, DmsAuthenticationMechanism.afterLogin(hostile), String.valueOf(hostile));
        }
    }
}
