package io.sessiongate.server.admin;

import io.sessiongate.api.problem.Problem;
import jakarta.ws.rs.core.Response;

/** Renders the JSON admin API's errors, and reads its credentials. */
public final class Problems {

    public static final String PROBLEM_JSON = Problem.MEDIA_TYPE;

    private Problems() {
    }

    public static Response response(int status, String title, String detail) {
        return response(Problem.of(status, title, detail));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    /** The auth code from the {@code authcode} parameter, else from {@code Authorization: Bearer <code>}. */
    public static String authCode(String parameter, String authorization) {
        if (parameter != null && !parameter.isBlank()) {
            return parameter;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
