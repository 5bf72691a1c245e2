package vn.ccn.dms.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One mechanism for both doors: API clients send HTTP Basic on every call; the UI logs in once through the
 * login page ({@code SecurityContext.authenticate}) and keeps the session ({@link AutoApplySession}).
 * An unauthenticated API call gets 401 problem JSON; an unauthenticated page request goes to the login page.
 * Passwords are checked against PBKDF2 hashes in the database by {@link DatabaseIdentityStore}. In production an
 * OpenID Connect provider may be configured ({@link OpenIdProvider}): API clients then send its access tokens as
 * {@code Authorization: Bearer}, and the directory still decides roles and agency.
 */
@ApplicationScoped
@AutoApplySession
@DeclareRoles({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
public class DmsAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DmsAuthenticationMechanism.class.getName());

    public static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    private IdentityStoreHandler identityStore;

    @Inject
    private DatabaseIdentityStore directory;

    @Inject
    private OpenIdProvider openId;

    /** Where the pages' sign-in at the OpenID Connect provider starts ({@code ?next=} the page asked for). */
    public static final String OIDC_LOGIN_PATH = "/auth/oidc/login";

    /** Request attribute naming the page to go to once the provider's answer has signed the user in. */
    public static final String OIDC_NEXT = "vn.ccn.dms.oidc.next";

    private static final String PENDING = "vn.ccn.dms.oidc.pending";

    /** Session attribute holding the ID token of a sign-in at the provider. */
    public static final String OIDC_ID_TOKEN = "vn.ccn.dms.oidc.idToken";
    private static final int MAX_PENDING = 5;
    private static final java.time.Duration SIGN_IN_TIME = java.time.Duration.ofMinutes(10);

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(OIDC_LOGIN_PATH)) {
            return startSignIn(request, context);
        }
        if (path.equals(OpenIdProvider.CALLBACK_PATH)) {
            return finishSignIn(request, context);
        }
        String bearer = bearerToken(request);
        if (bearer != null && isApi(request)) {
            return bearer(bearer, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        boolean fromLoginPage = credential != null;
        if (credential == null) {
            credential = basicCredential(request);
        }
        if (credential != null) {
            CredentialValidationResult result = identityStore.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            if (fromLoginPage) {
                // The login page shows its own message; an error response here would end the page's answer.
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (isApi(request)) {
                return unauthorized(response, context, "Sai tên đăng nhập hoặc mật khẩu");
            }
            return context.responseUnauthorized();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return unauthorized(response, context, "Cần đăng nhập để dùng API");
        }
        String next = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            next += "?" + request.getQueryString();
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /** Sends the browser to the provider with a new sign-in remembered in its session. */
    private AuthenticationStatus startSignIn(HttpServletRequest request, HttpMessageContext context) {
        if (!openId.webSignInEnabled()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        var signIn = openId.newSignIn(afterLogin(request.getParameter("next")), java.time.Instant.now());
        pending(request.getSession(true)).put(signIn.state(), signIn);
        try {
            return context.redirect(openId.authorizationUri(signIn, openId.redirectUri(request)).toString());
        } catch (IOException | RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "the OpenID Connect provider cannot be reached", e);
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?oidc=unavailable");
        }
    }

    /**
     * The provider's answer: the state must be one this browser started within {@link #SIGN_IN_TIME} (each is used
     * once), the code is exchanged for an ID token, and the user it names must be active in the directory, which
     * gives the roles. Every refusal goes back to the login page with a reason the page says in Vietnamese.
     */
    private AuthenticationStatus finishSignIn(HttpServletRequest request, HttpMessageContext context) {
        String login = request.getContextPath() + LOGIN_PAGE + "?oidc=";
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        String state = request.getParameter("state");
        OpenIdProvider.PendingSignIn signIn = session == null || state == null ? null : pending(session).remove(state);
        if (!openId.webSignInEnabled() || signIn == null
                || signIn.started().plus(SIGN_IN_TIME).isBefore(java.time.Instant.now())) {
            return context.redirect(login + "expired");
        }
        if (request.getParameter("error") != null) {
            LOG.info(() -> "the provider refused the sign-in: " + request.getParameter("error"));
            return context.redirect(login + "denied");
        }
        OpenIdProvider.SignedIn signedIn;
        try {
            signedIn = openId.signIn(request.getParameter("code"), signIn, openId.redirectUri(request));
        } catch (JwtVerifier.InvalidToken e) {
            LOG.info(() -> "web sign-in refused: " + e.getMessage());
            return context.redirect(login + "refused");
        } catch (IOException | RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "the OpenID Connect provider cannot be reached", e);
            return context.redirect(login + "unavailable");
        }
        String username = signedIn.username();
        var user = directory.activeUser(username);
        if (user.isEmpty()) {
            LOG.info(() -> "a valid sign-in for " + username + ", who is not an active user of the directory");
            return context.redirect(login + "unknown");
        }
        request.setAttribute(OIDC_NEXT, signIn.next());
        // Kept for signing out at the provider too: on a desk's shared computer, the next person must not find the
        // provider's session of the previous one.
        session.setAttribute(OIDC_ID_TOKEN, signedIn.idToken());
        return context.notifyContainerAboutLogin(username, user.get().roles());
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, OpenIdProvider.PendingSignIn> pending(jakarta.servlet.http.HttpSession session) {
        synchronized (session) {
            var map = (java.util.Map<String, OpenIdProvider.PendingSignIn>) session.getAttribute(PENDING);
            if (map == null) {
                // A few tabs may sign in at once; the oldest sign-in gives way beyond that.
                map = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(java.util.Map.Entry<String, OpenIdProvider.PendingSignIn> eldest) {
                        return size() > MAX_PENDING;
                    }
                });
                session.setAttribute(PENDING, map);
            }
            return map;
        }
    }

    /** Where to go after login: {@code next} when it is a path of this application's pages, else the list. */
    public static String afterLogin(String next) {
        if (next == null || !next.startsWith("/app/") || next.contains("..") || next.contains("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return HOME;
        }
        return next;
    }

    /** The page after login when none was asked for. */
    public static final String HOME = "/app/index.xhtml";

    /**
     * An access token of the configured OpenID Connect provider: it names the user; the directory must know them as
     * active and gives their roles. Every refusal is the same 401 to the client (the reason goes to the log).
     */
    private AuthenticationStatus bearer(String token, HttpServletResponse response, HttpMessageContext context) {
        if (!openId.enabled()) {
            return unauthorized(response, context, "Máy chủ chưa cấu hình đăng nhập OpenID Connect; dùng tên đăng nhập và mật khẩu");
        }
        try {
            String username = openId.verify(token);
            var user = directory.activeUser(username);
            if (user.isEmpty()) {
                LOG.info(() -> "a valid token for " + username + ", who is not an active user of the directory");
                return unauthorized(response, context, "Tài khoản của mã đăng nhập không có hoặc đã bị khóa trong danh bạ");
            }
            directory.authenticated(username, user.get());
            return context.notifyContainerAboutLogin(username, user.get().roles());
        } catch (JwtVerifier.InvalidToken e) {
            LOG.info(() -> "bearer token refused: " + e.getMessage());
            return unauthorized(response, context, "Mã đăng nhập (token) không hợp lệ hoặc đã hết hạn");
        }
    }

    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Credential basicCredential(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context,
            String detail) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"ccn-dms\", charset=\"UTF-8\"");
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"urn:dms:problem:unauthorized\",\"title\":\"Chưa đăng nhập\","
                    + "\"status\":401,\"detail\":\"" + detail + "\"}");
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
