package io.sessiongate.server.admin;

import io.sessiongate.core.Identifiers;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.ProblemType;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The first step of every account-scoped resource ({@code /api/v1/accounts/{siteKey}/...}): the
 * operator's token is refused (403: the operator creates and lists accounts, nothing else), a bearer
 * that is nobody's is 401; an account's credentials go on to the service, whose gate
 * ({@code core.admin.AdminAccess}) decides the rest.
 */
final class AccountCallers {

    private final OperatorCredential operator;

    AccountCallers(OperatorCredential operator) {
        this.operator = operator;
    }

    /** The refusal of a caller who cannot be an account's, or empty to go on. */
    Optional<Response> refusal(Presented presented) {
        if (presented.operatorCandidate() == null) {
            return Optional.empty();
        }
        if (operator.isOperator(presented.operatorCandidate())) {
            return Optional.of(Problems.response(ProblemType.FORBIDDEN,
                    "the operator token may only create and list accounts: use the account's API token", "OPERATOR"));
        }
        return Optional.of(Problems.notAuthenticated());
    }

    /** A path's id: a positive integer, or empty (answered as not found, like an unknown id). */
    static Optional<Long> id(String raw) {
        return Identifiers.parse(raw) instanceof Identifiers.Parsed.Id id ? Optional.of(id.value()) : Optional.empty();
    }
}
