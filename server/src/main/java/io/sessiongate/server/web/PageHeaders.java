package io.sessiongate.server.web;

import jakarta.ws.rs.core.Response;

/**
 * The headers every response of the web pages carries (the pages, their assets, the redirects): a
 * Content-Security-Policy that lets the page load only this server's own scripts, styles and images,
 * talk only to this server, never be framed, and (with Trusted Types required) never turn a string
 * into HTML, so that text from the server can only ever be inserted as text; and the older headers
 * that say the same to older browsers.
 */
public final class PageHeaders {

    /**
     * No inline script or style, nothing from elsewhere. {@code require-trusted-types-for 'script'}
     * with no policy allowed makes {@code innerHTML = string} (and every other string-to-DOM sink) throw
     * in the browser: the pages insert text with {@code textContent} only, and the browser enforces it.
     */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
            + "require-trusted-types-for 'script'; trusted-types 'none'";

    private PageHeaders() {
    }

    /** Adds the security headers to {@code response}. */
    public static Response.ResponseBuilder apply(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }
}
