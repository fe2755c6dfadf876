package io.sessiongate.server.api;

import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.problem.Problem;
import io.sessiongate.core.admin.AdminOutcome;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;

/**
 * Renders the JSON API's answers: a {@link Problem} of a {@link ProblemType}, or an administration
 * outcome ({@link AdminOutcome}) as its reply. The one place a resource turns a refusal into HTTP.
 */
public final class Problems {

    public static final String PROBLEM_JSON = Problem.MEDIA_TYPE;

    private Problems() {
    }

    public static Problem problem(ProblemType type, String detail) {
        return problem(type, detail, null, null);
    }

    public static Problem problem(ProblemType type, String detail, String code, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, code, errors, null);
    }

    public static Response response(ProblemType type, String detail) {
        return response(problem(type, detail));
    }

    public static Response response(ProblemType type, String detail, String code) {
        return response(problem(type, detail, code, null));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    /** 422 with every broken rule. */
    public static Response invalid(List<FieldError> errors) {
        return response(problem(ProblemType.VALIDATION_FAILED, errors.size() == 1 ? errors.get(0).message()
                : errors.size() + " rules are broken: see errors.", null, errors));
    }

    public static Response notAuthenticated() {
        return response(ProblemType.NOT_AUTHENTICATED, "send Authorization: Bearer <token> (an account API token or "
                + "the operator's), or the ASP.NET_SessionId cookie of a login");
    }

    public static Response notFound() {
        return response(ProblemType.NOT_FOUND, "no such resource");
    }

    /**
     * The reply of an outcome: {@code ok} renders its value; each refusal its problem (401, 403, 404,
     * 422, 409, 412).
     */
    public static <T> Response of(AdminOutcome<T> outcome, Function<T, Response> ok) {
        if (outcome instanceof AdminOutcome.Done<T> done) {
            return ok.apply(done.value());
        }
        if (outcome instanceof AdminOutcome.NotAuthenticated) {
            return notAuthenticated();
        }
        if (outcome instanceof AdminOutcome.Forbidden<T> f) {
            return response(ProblemType.FORBIDDEN, f.detail(), f.code());
        }
        if (outcome instanceof AdminOutcome.NotFound) {
            return notFound();
        }
        if (outcome instanceof AdminOutcome.Invalid<T> i) {
            return invalid(i.errors());
        }
        if (outcome instanceof AdminOutcome.Conflict<T> c) {
            return response(ProblemType.CONFLICT, c.detail(), c.code());
        }
        if (outcome instanceof AdminOutcome.PreconditionFailed) {
            return response(ProblemType.PRECONDITION_FAILED, "the resource changed since the ETag named in If-Match: "
                    + "GET it again, then retry with its ETag");
        }
        throw new IllegalStateException("unknown outcome " + outcome);
    }
}
