package io.sessiongate.server;

/**
 * Which API a request path belongs to, and so in which shape its errors are answered: {@code ERROR}
 * text for the Rescue API ({@code /API/...}), the error array for the APIServer
 * ({@code /APIServer/...}), a problem detail for everything else (the JSON API under
 * {@code /api/v1/}, {@code /health}). Paths are matched case-insensitively, with or without the
 * leading slash.
 */
enum ApiFamily {
    RESCUE, APISERVER, OTHER;

    static ApiFamily ofPath(String path) {
        if (path == null) {
            return OTHER;
        }
        int from = path.startsWith("/") ? 1 : 0;
        if (path.regionMatches(true, from, "apiserver/", 0, 10)) {
            return APISERVER;
        }
        if (path.regionMatches(true, from, "api/", 0, 4) && !path.regionMatches(true, from, "api/v1/", 0, 7)) {
            return RESCUE;
        }
        return OTHER;
    }
}
