package io.sessiongate.server;

/**
 * The API families, each with its own error shape: {@code ERROR} text for the Rescue API's
 * {@code .aspx} methods, SOAP faults on {@code /API/API.asmx}, the error array for the APIServer,
 * problem details for everything else (the JSON API under {@code /api/v1/}, {@code /health}). A
 * resource names its family with {@link Of}; only what reaches no resource (an unknown path, a
 * request Jersey cannot read) is placed by its path.
 */
public enum ApiFamily {
    RESCUE, SOAP, APISERVER, OTHER;

    /** The family of a resource class, and so the shape of the errors of every request it handles. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface Of {
        ApiFamily value();
    }

    /**
     * The family of a request that reached no resource, by its path: matched case-insensitively,
     * with or without the leading slash ({@code /API/...} is the Rescue API's, SOAP's endpoint included).
     */
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
