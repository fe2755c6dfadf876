package io.sessiongate.server.admin;

import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.AdminOutcome;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.core.admin.Versioned;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.server.api.ETags;
import io.sessiongate.server.api.Idempotency;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The steps every resource of an account's directory repeats (the recipe of ARCHITECTURE.md, written once for
 * the hierarchy, groups, channels, nodes, users, roles and folder lists): the caller who cannot be an account's
 * refused first ({@link AccountCallers}); a read or change rendered with the ETag of its version; a creating POST
 * behind the gate and under its Idempotency-Key; a PATCH that needs If-Match.
 */
final class AccountCalls {

    private final AccountCallers callers;
    private final AdminAccess access;
    private final Idempotency idempotency;

    AccountCalls(OperatorCredential operator, AdminAccess access, Idempotency idempotency) {
        this.callers = new AccountCallers(operator);
        this.access = access;
        this.idempotency = idempotency;
    }

    /** {@code call} with the caller's credentials, unless the caller cannot be an account's. */
    Response run(HttpHeaders headers, Function<Credentials, Response> call) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        return refused.orElseGet(() -> call.apply(presented.credentials()));
    }

    /** A read or change whose value is versioned: 200 with its ETag. */
    <T> Response versioned(HttpHeaders headers, Function<Credentials, AdminOutcome<Versioned<T>>> call) {
        return run(headers, credentials -> Problems.of(call.apply(credentials), AccountCalls::withETag));
    }

    /** A call answering a plain value: 200. */
    <T> Response plain(HttpHeaders headers, Function<Credentials, AdminOutcome<T>> call) {
        return run(headers, credentials -> Problems.of(call.apply(credentials), v -> Response.ok(v).build()));
    }

    /**
     * A creating POST: the gate first (a refused caller uses up no key), then {@code work} under the request's
     * Idempotency-Key; 201 with the Location {@code location} names.
     */
    <T> Response create(HttpHeaders headers, ContainerRequestContext request, String siteKey, AdminAccess.Need need,
                        Function<Credentials, AdminOutcome<T>> work, Function<T, String> location) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        AdminOutcome<AdminAccess.AccountCaller> admitted = access.admit(presented.credentials(), siteKey, need);
        if (!(admitted instanceof AdminOutcome.Done)) {
            return Problems.of(admitted, ok -> null);
        }
        return idempotency.run(request, presented.principal(), () -> Problems.of(work.apply(presented.credentials()),
                made -> Response.created(URI.create("/api/v1/accounts/" + siteKey + "/" + location.apply(made)))
                        .type(MediaType.APPLICATION_JSON).entity(made).build()));
    }

    /**
     * A PATCH: 428 without If-Match (for a caller who may change it; the gate's refusal for any other), else
     * {@code work} with the version If-Match names (null for {@code *}); 200 with the new ETag.
     */
    <T> Response patch(HttpHeaders headers, String siteKey, AdminAccess.Need need,
                       BiFunction<Credentials, Long, AdminOutcome<Versioned<T>>> work) {
        return run(headers, credentials -> {
            ETags.Condition condition = ETags.parse(headers.getHeaderString(ETags.IF_MATCH));
            if (condition instanceof ETags.Condition.Missing) {
                return AccountsResource.preconditionRequired(access.admit(credentials, siteKey, need));
            }
            return Problems.of(work.apply(credentials, ETags.expectedVersion(condition)), AccountCalls::withETag);
        });
    }

    /** A path's id, or null for one that is not a positive integer (answered as not found, after the gate). */
    static Long id(String raw) {
        return AccountCallers.id(raw).orElse(null);
    }

    static Response withETag(Versioned<?> v) {
        return Response.ok(v.value()).tag(new EntityTag(Long.toString(v.version()))).build();
    }
}
