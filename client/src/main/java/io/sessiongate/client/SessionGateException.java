package io.sessiongate.client;

/**
 * A call that got no answer the client understands: the one unchecked exception of the client.
 * Return codes (such as {@code ACTIONFAILED}) are never exceptions; this is for transport failures
 * and replies of an unexpected shape.
 */
public class SessionGateException extends RuntimeException {

    private final int status;
    private final String body;

    SessionGateException(String message, int status, String body, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.body = body;
    }

    /** The HTTP status of the reply, or -1 when there was none. */
    public int status() {
        return status;
    }

    /** The raw body of the reply, or null when there was none. */
    public String body() {
        return body;
    }

    /** The server could not be reached, or the exchange broke or timed out. */
    public static final class TransportException extends SessionGateException {
        TransportException(String message, Throwable cause) {
            super(message, -1, null, cause);
        }
    }

    /** The server answered something the client cannot read as the API's reply. */
    public static final class UnexpectedReplyException extends SessionGateException {
        UnexpectedReplyException(String message, int status, String body) {
            super(message + " (HTTP " + status + "): " + abbreviate(body), status, body, null);
        }

        private static String abbreviate(String body) {
            return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
        }
    }

    /**
     * A refusal met where no value can carry it: while a page stream of {@link AdminApi} follows its
     * cursors, or from {@link AdminResult#orThrow()}.
     */
    public static final class ProblemException extends SessionGateException {
        private final transient io.sessiongate.api.problem.Problem problem;

        ProblemException(io.sessiongate.api.problem.Problem problem) {
            super(problem.status() + " " + problem.type() + ": " + problem.detail(), problem.status(), null, null);
            this.problem = problem;
        }

        public io.sessiongate.api.problem.Problem problem() {
            return problem;
        }
    }
}
