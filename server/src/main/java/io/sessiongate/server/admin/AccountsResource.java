package io.sessiongate.server.admin;

import io.sessiongate.api.admin.AccountCreated;
import io.sessiongate.api.admin.AccountPatch;
import io.sessiongate.api.admin.CreateAccount;
import io.sessiongate.core.admin.AccountAdministration;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.AdminOutcome;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.ETags;
import io.sessiongate.server.api.Idempotency;
import io.sessiongate.server.api.Paging;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.ProblemType;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * {@code /api/v1/accounts}: the operator creates accounts ({@code POST}, idempotent with a key) and
 * lists them; an account's administrators read it ({@code GET /{siteKey}}, with its ETag) and its
 * master administrator (or an API token) changes its name and settings ({@code PATCH} with
 * {@code If-Match}).
 */
@Path("api/v1/accounts")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class AccountsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final AccountAdministration accounts;
    private final OperatorCredential operator;
    private final AccountCallers callers;
    private final AdminAccess access;
    private final Idempotency idempotency;

    public AccountsResource(AccountAdministration accounts, OperatorCredential operator, AdminAccess access,
                            Idempotency idempotency) {
        this.accounts = accounts;
        this.operator = operator;
        this.callers = new AccountCallers(operator);
        this.access = access;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateAccount body, @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = operatorOnly(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        return idempotency.run(request, presented.principal(), () -> Problems.of(accounts.create(body),
                (AccountCreated created) -> Response.created(URI.create("/api/v1/accounts/"
                        + created.account().siteKey())).type(MediaType.APPLICATION_JSON).entity(created).build()));
    }

    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                         @Context HttpHeaders headers) {
        Optional<Response> refused = operatorOnly(Presented.of(headers));
        if (refused.isPresent()) {
            return refused.get();
        }
        Paging.Asked asked = Paging.parse("accounts", limit, cursor, "cursor");
        if (!asked.errors().isEmpty()) {
            return Problems.invalid(asked.errors());
        }
        return Response.ok(Paging.page("accounts", accounts.list(asked.query()))).build();
    }

    @GET
    @Path("{siteKey}")
    public Response get(@PathParam("siteKey") String siteKey, @Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        return Problems.of(accounts.get(presented.credentials(), siteKey),
                v -> Response.ok(v.value()).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(v.version()))).build());
    }

    @PATCH
    @Path("{siteKey}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public Response patch(@PathParam("siteKey") String siteKey, AccountPatch body, @Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        ETags.Condition condition = ETags.parse(headers.getHeaderString(ETags.IF_MATCH));
        if (condition instanceof ETags.Condition.Missing) {
            return preconditionRequired(access.admit(presented.credentials(), siteKey, AdminAccess.Need.WHOLE_ACCOUNT));
        }
        return Problems.of(accounts.patch(presented.credentials(), siteKey, ETags.expectedVersion(condition), body),
                v -> Response.ok(v.value()).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(v.version()))).build());
    }

    /** 428 for a caller who may change the resource; the refusal that comes first for any other. */
    static Response preconditionRequired(AdminOutcome<?> admitted) {
        return Problems.of(admitted, ok -> Problems.response(ProblemType.PRECONDITION_REQUIRED,
                "send If-Match with the ETag of your last GET, so that you never overwrite a change you have not seen"));
    }

    private Optional<Response> operatorOnly(Presented presented) {
        if (presented.operatorCandidate() != null) {
            return operator.isOperator(presented.operatorCandidate()) ? Optional.empty()
                    : Optional.of(Problems.notAuthenticated());
        }
        if (presented.none()) {
            return Optional.of(Problems.notAuthenticated());
        }
        // An account's credentials: valid ones may not do this (403), others are nobody's (401).
        return Optional.of(access.whoami(presented.credentials()) instanceof AdminOutcome.Done
                ? Problems.response(ProblemType.FORBIDDEN, "only the operator creates and lists accounts", "NOT_OPERATOR")
                : Problems.notAuthenticated());
    }
}
