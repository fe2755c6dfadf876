package io.sessiongate.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongate.api.admin.AccountCreated;
import io.sessiongate.api.admin.AccountPatch;
import io.sessiongate.api.admin.AccountView;
import io.sessiongate.api.admin.AdminJson;
import io.sessiongate.api.admin.ApiTokenCreated;
import io.sessiongate.api.admin.ApiTokenView;
import io.sessiongate.api.admin.CreateAccount;
import io.sessiongate.api.admin.CreateApiToken;
import io.sessiongate.api.admin.CreateChannel;
import io.sessiongate.api.admin.CreateFolderList;
import io.sessiongate.api.admin.CreateGroup;
import io.sessiongate.api.admin.CreateRole;
import io.sessiongate.api.admin.CreateSupportSession;
import io.sessiongate.api.admin.CreateUser;
import io.sessiongate.api.admin.EventView;
import io.sessiongate.api.admin.FolderListPatch;
import io.sessiongate.api.admin.FolderListView;
import io.sessiongate.api.admin.HierarchyView;
import io.sessiongate.api.admin.NodePatch;
import io.sessiongate.api.admin.NodeView;
import io.sessiongate.api.admin.Page;
import io.sessiongate.api.admin.RolePatch;
import io.sessiongate.api.admin.RoleView;
import io.sessiongate.api.admin.SessionInfo;
import io.sessiongate.api.admin.SupportSessionAction;
import io.sessiongate.api.admin.SupportSessionCreated;
import io.sessiongate.api.admin.SupportSessionView;
import io.sessiongate.api.admin.UserPatch;
import io.sessiongate.api.admin.UserView;
import io.sessiongate.api.admin.WebSessionPatch;
import io.sessiongate.api.admin.WebSessionView;
import io.sessiongate.api.problem.Problem;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The administration API ({@code /api/v1}) as typed calls over the api-model DTOs, decoded with the
 * server's own JSON settings ({@link AdminJson}). Credentials: the client's bearer token
 * ({@link SessionGateClient.Builder#bearerToken}: the operator's or an account API token), else the
 * login cookie of {@code rescue().login(...)}, in which case the client fetches the login's CSRF token
 * itself. Every call answers an {@link AdminResult}; lists also come as a {@link Stream} that follows
 * the pages' {@code next} cursors. Creating calls take an optional Idempotency-Key: retrying with the
 * same key never creates twice.
 */
public final class AdminApi {

    private static final ObjectMapper JSON = AdminJson.mapper();
    private static final String PROBLEM = "application/problem+json";

    private final Transport transport;
    private final String bearer;
    private volatile String csrf;

    AdminApi(Transport transport, String bearer) {
        this.transport = transport;
        this.bearer = bearer;
    }

    // ---- who calls

    public AdminResult<SessionInfo> session() {
        return call("GET", "api/v1/session", null, Map.of(), type(SessionInfo.class));
    }

    // ---- accounts (operator)

    public AdminResult<AccountCreated> createAccount(CreateAccount request, String idempotencyKey) {
        return call("POST", "api/v1/accounts", request, key(idempotencyKey), type(AccountCreated.class));
    }

    public AdminResult<Page<AccountView>> accountPage(Integer limit, String cursor) {
        return page("api/v1/accounts", query("limit", limit, "cursor", cursor), AccountView.class);
    }

    /** Every account, following the pages. */
    public Stream<AccountView> accounts() {
        return stream(cursor -> accountPage(null, cursor));
    }

    public AdminResult<AccountView> account(String siteKey) {
        return call("GET", account(siteKey, ""), null, Map.of(), type(AccountView.class));
    }

    /** Changes the account under {@code etag} (its GET's; {@code "*"}: whatever it is now). */
    public AdminResult<AccountView> patchAccount(String siteKey, String etag, AccountPatch patch) {
        return call("PATCH", account(siteKey, ""), patch, Map.of("If-Match", etag), type(AccountView.class));
    }

    // ---- API tokens

    public AdminResult<ApiTokenCreated> createApiToken(String siteKey, CreateApiToken request, String idempotencyKey) {
        return call("POST", account(siteKey, "/api-tokens"), request, key(idempotencyKey), type(ApiTokenCreated.class));
    }

    public Stream<ApiTokenView> apiTokens(String siteKey) {
        return stream(cursor -> page(account(siteKey, "/api-tokens"), query("cursor", cursor), ApiTokenView.class));
    }

    public AdminResult<ApiTokenView> revokeApiToken(String siteKey, long id) {
        return call("DELETE", account(siteKey, "/api-tokens/" + id), null, Map.of(), type(ApiTokenView.class));
    }

    // ---- web sessions

    /** The account's logins, by {@code status} ({@code ACTIVE}, {@code TIMED_OUT}, {@code ENDED}) and user (null: any). */
    public Stream<WebSessionView> webSessions(String siteKey, String status, Long userId) {
        return stream(cursor -> page(account(siteKey, "/web-sessions"), query("status", status, "userId", userId,
                "cursor", cursor), WebSessionView.class));
    }

    public AdminResult<WebSessionView> webSession(String siteKey, long id) {
        return call("GET", account(siteKey, "/web-sessions/" + id), null, Map.of(), type(WebSessionView.class));
    }

    public AdminResult<WebSessionView> patchWebSession(String siteKey, long id, String etag, WebSessionPatch patch) {
        return call("PATCH", account(siteKey, "/web-sessions/" + id), patch, Map.of("If-Match", etag),
                type(WebSessionView.class));
    }

    // ---- events

    /** One page of the audit trail after {@code after} (null: from the start); its {@code next} continues it. */
    public AdminResult<Page<EventView>> eventPage(String siteKey, String after, String objectType, Long objectId,
                                                  Integer limit) {
        return page(account(siteKey, "/events"), query("after", after, "objectType", objectType, "objectId", objectId,
                "limit", limit), EventView.class);
    }

    /** The whole audit trail as it is now, oldest first. */
    public Stream<EventView> events(String siteKey, String objectType, Long objectId) {
        return stream(cursor -> eventPage(siteKey, cursor, objectType, objectId, null));
    }

    // ---- support sessions

    public AdminResult<SupportSessionCreated> createSupportSession(String siteKey, CreateSupportSession request,
                                                                   String idempotencyKey) {
        return call("POST", account(siteKey, "/support-sessions"), request, key(idempotencyKey),
                type(SupportSessionCreated.class));
    }

    public Stream<SupportSessionView> supportSessions(String siteKey, String status, Long technicianId,
                                                      Long channelId) {
        return stream(cursor -> page(account(siteKey, "/support-sessions"), query("status", status, "technicianId",
                technicianId, "channelId", channelId, "cursor", cursor), SupportSessionView.class));
    }

    public AdminResult<SupportSessionView> supportSession(String siteKey, long id) {
        return call("GET", account(siteKey, "/support-sessions/" + id), null, Map.of(),
                type(SupportSessionView.class));
    }

    /** transferSession: to a technician ({@code technicianId}) or a channel's queue ({@code channelId}). */
    public AdminResult<SupportSessionView> transfer(String siteKey, long id, Long technicianId, Long channelId,
                                                    String comment) {
        return action(siteKey, id, "transfer", new SupportSessionAction(technicianId, channelId, comment));
    }

    public AdminResult<SupportSessionView> start(String siteKey, long id, long technicianId) {
        return action(siteKey, id, "start", new SupportSessionAction(technicianId, null, null));
    }

    public AdminResult<SupportSessionView> hold(String siteKey, long id) {
        return action(siteKey, id, "hold", null);
    }

    public AdminResult<SupportSessionView> close(String siteKey, long id) {
        return action(siteKey, id, "close", null);
    }

    public AdminResult<SupportSessionView> cancelAction(String siteKey, long id) {
        return action(siteKey, id, "cancel-action", null);
    }

    private AdminResult<SupportSessionView> action(String siteKey, long id, String action, SupportSessionAction body) {
        return call("POST", account(siteKey, "/support-sessions/" + id + "/" + action), body, Map.of(),
                type(SupportSessionView.class));
    }

    // ---- the directory: hierarchy, groups, channels, nodes

    /** The hierarchy the caller reaches: the whole account, or {@code beneath} a node (null: the whole). */
    public AdminResult<HierarchyView> hierarchy(String siteKey, Long beneath) {
        return call("GET", account(siteKey, "/hierarchy" + query("beneath", beneath)), null, Map.of(),
                type(HierarchyView.class));
    }

    /** One node, with its ETag ({@link AdminResult#etagOf()}). */
    public AdminResult<NodeView> node(String siteKey, long nodeId) {
        return call("GET", account(siteKey, "/nodes/" + nodeId), null, Map.of(), type(NodeView.class));
    }

    public AdminResult<NodeView> createGroup(String siteKey, CreateGroup request, String idempotencyKey) {
        return call("POST", account(siteKey, "/groups"), request, key(idempotencyKey), type(NodeView.class));
    }

    public AdminResult<NodeView> createChannel(String siteKey, CreateChannel request, String idempotencyKey) {
        return call("POST", account(siteKey, "/channels"), request, key(idempotencyKey), type(NodeView.class));
    }

    /** Renames, describes, enables or disables, or moves ({@code parentId}) a node under {@code etag} ({@code "*"}: any). */
    public AdminResult<NodeView> patchNode(String siteKey, long nodeId, String etag, NodePatch patch) {
        return call("PATCH", account(siteKey, "/nodes/" + nodeId), patch, Map.of("If-Match", etag),
                type(NodeView.class));
    }

    /** Deletes a node; a refusal (409: it holds people, groups or live sessions) is a value. Answers it as it was. */
    public AdminResult<NodeView> deleteNode(String siteKey, long nodeId) {
        return call("DELETE", account(siteKey, "/nodes/" + nodeId), null, Map.of(), type(NodeView.class));
    }

    /** Channel {@code channelId} serves technician group {@code groupId} too; answers the channel. */
    public AdminResult<NodeView> assignChannel(String siteKey, long channelId, long groupId) {
        return call("PUT", account(siteKey, "/channels/" + channelId + "/groups/" + groupId), null, Map.of(),
                type(NodeView.class));
    }

    public AdminResult<NodeView> unassignChannel(String siteKey, long channelId, long groupId) {
        return call("DELETE", account(siteKey, "/channels/" + channelId + "/groups/" + groupId), null, Map.of(),
                type(NodeView.class));
    }

    // ---- users

    /** A technician, an administrator, or both (one user, two node ids). */
    public AdminResult<UserView> createUser(String siteKey, CreateUser request, String idempotencyKey) {
        return call("POST", account(siteKey, "/users"), request, key(idempotencyKey), type(UserView.class));
    }

    public AdminResult<Page<UserView>> userPage(String siteKey, String status, Integer limit, String cursor) {
        return page(account(siteKey, "/users"), query("status", status, "limit", limit, "cursor", cursor),
                UserView.class);
    }

    /** The users the caller reaches, of {@code status} ({@code ENABLED}, {@code DISABLED}, {@code DELETED}; null: all but the deleted). */
    public Stream<UserView> users(String siteKey, String status) {
        return stream(cursor -> userPage(siteKey, status, null, cursor));
    }

    public AdminResult<UserView> user(String siteKey, long userId) {
        return call("GET", account(siteKey, "/users/" + userId), null, Map.of(), type(UserView.class));
    }

    /** Changes a user under {@code etag}: disabling or deleting them ends their logins at once. */
    public AdminResult<UserView> patchUser(String siteKey, long userId, String etag, UserPatch patch) {
        return call("PATCH", account(siteKey, "/users/" + userId), patch, Map.of("If-Match", etag),
                type(UserView.class));
    }

    // ---- roles and folder lists (the whole account's)

    public AdminResult<RoleView> createRole(String siteKey, CreateRole request, String idempotencyKey) {
        return call("POST", account(siteKey, "/roles"), request, key(idempotencyKey), type(RoleView.class));
    }

    public Stream<RoleView> roles(String siteKey) {
        return stream(cursor -> page(account(siteKey, "/roles"), query("cursor", cursor), RoleView.class));
    }

    public AdminResult<RoleView> role(String siteKey, long id) {
        return call("GET", account(siteKey, "/roles/" + id), null, Map.of(), type(RoleView.class));
    }

    public AdminResult<RoleView> patchRole(String siteKey, long id, String etag, RolePatch patch) {
        return call("PATCH", account(siteKey, "/roles/" + id), patch, Map.of("If-Match", etag), type(RoleView.class));
    }

    /** Deletes a role nobody holds (409 ROLE_IN_USE otherwise); answers it as it was. */
    public AdminResult<RoleView> deleteRole(String siteKey, long id) {
        return call("DELETE", account(siteKey, "/roles/" + id), null, Map.of(), type(RoleView.class));
    }

    public AdminResult<FolderListView> createFolderList(String siteKey, CreateFolderList request,
                                                        String idempotencyKey) {
        return call("POST", account(siteKey, "/folder-lists"), request, key(idempotencyKey),
                type(FolderListView.class));
    }

    public Stream<FolderListView> folderLists(String siteKey) {
        return stream(cursor -> page(account(siteKey, "/folder-lists"), query("cursor", cursor),
                FolderListView.class));
    }

    public AdminResult<FolderListView> folderList(String siteKey, long id) {
        return call("GET", account(siteKey, "/folder-lists/" + id), null, Map.of(), type(FolderListView.class));
    }

    public AdminResult<FolderListView> patchFolderList(String siteKey, long id, String etag, FolderListPatch patch) {
        return call("PATCH", account(siteKey, "/folder-lists/" + id), patch, Map.of("If-Match", etag),
                type(FolderListView.class));
    }

    /** Deletes a folder list no role or user names (409 FOLDER_LIST_IN_USE otherwise); answers it as it was. */
    public AdminResult<FolderListView> deleteFolderList(String siteKey, long id) {
        return call("DELETE", account(siteKey, "/folder-lists/" + id), null, Map.of(), type(FolderListView.class));
    }

    // ---- the exchange

    private static String account(String siteKey, String rest) {
        return "api/v1/accounts/" + URLEncoder.encode(siteKey, StandardCharsets.UTF_8).replace("+", "%20") + rest;
    }

    private static Map<String, String> key(String idempotencyKey) {
        return idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
    }

    private static JavaType type(Class<?> c) {
        return JSON.getTypeFactory().constructType(c);
    }

    private <T> AdminResult<Page<T>> page(String path, String query, Class<T> item) {
        return call("GET", path + query, null, Map.of(), JSON.getTypeFactory().constructParametricType(Page.class, item));
    }

    /** The items of every page, fetched as the stream is read; a refused page throws its problem. */
    private static <T> Stream<T> stream(Function<String, AdminResult<Page<T>>> fetch) {
        Iterator<T> items = new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();
            private String next;
            private boolean started;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (started && next == null) {
                        return false;
                    }
                    Page<T> page = fetch.apply(next).orThrow();
                    started = true;
                    if (page.items().isEmpty()) {
                        return false; // an empty page ends a list (and the audit trail's feed)
                    }
                    current = page.items().iterator();
                    next = page.next();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
    }

    private static String query(Object... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], String.valueOf(pairs[i + 1]));
            }
        }
        return m.isEmpty() ? "" : m.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&", "?", ""));
    }

    private <T> AdminResult<T> call(String method, String path, Object body, Map<String, String> headers,
                                    JavaType type) {
        AdminResult<T> result = Transport.join(transport.send(request(method, path, body, headers), false,
                r -> decode(r, type)));
        if (bearer == null && !"GET".equals(method) && result instanceof AdminResult.Failed<T> f
                && f.problem().type().endsWith("/csrf-token-invalid")) {
            csrf = null; // a new login since: fetch its token and try once more
            result = Transport.join(transport.send(request(method, path, body, headers), false, r -> decode(r, type)));
        }
        return result;
    }

    private HttpRequest request(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = transport.request(path).header("Accept", "application/json, " + PROBLEM);
        headers.forEach(b::header);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        } else if (!"GET".equals(method)) {
            b.header("X-CSRF-Token", csrfToken());
        }
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            return b.method(method, publisher).build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON", e);
        }
    }

    private String csrfToken() {
        String token = csrf;
        if (token == null) {
            token = session().success().map(SessionInfo::csrfToken).orElse("");
            csrf = token;
        }
        return token;
    }

    private static <T> AdminResult<T> decode(HttpResponse<String> r, JavaType type) {
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        try {
            if (r.statusCode() >= 200 && r.statusCode() < 300 && contentType.startsWith("application/json")) {
                T value = JSON.readValue(r.body(), type);
                return new AdminResult.Ok<>(value, r.headers().firstValue("ETag"),
                        r.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
            }
            if (contentType.startsWith(PROBLEM)) {
                Problem problem = JSON.readValue(r.body(), Problem.class);
                if (problem.type() != null && problem.status() == r.statusCode()) {
                    return new AdminResult.Failed<>(problem);
                }
            }
        } catch (JsonProcessingException e) {
            // falls through: not the API's reply
        }
        throw new SessionGateException.UnexpectedReplyException("not an administration API reply", r.statusCode(),
                r.body());
    }
}
