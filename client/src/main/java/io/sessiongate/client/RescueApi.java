package io.sessiongate.client;

import io.sessiongate.api.rescue.AccountInfo;
import io.sessiongate.api.rescue.AssignChannelResult;
import io.sessiongate.api.rescue.CancelActionResult;
import io.sessiongate.api.rescue.CreateGroupResult;
import io.sessiongate.api.rescue.CreateUserResult;
import io.sessiongate.api.rescue.DeleteNodeResult;
import io.sessiongate.api.rescue.GetAccountResult;
import io.sessiongate.api.rescue.GetGroupResult;
import io.sessiongate.api.rescue.GetHierarchyResult;
import io.sessiongate.api.rescue.GetUserResult;
import io.sessiongate.api.rescue.GroupInfo;
import io.sessiongate.api.rescue.HierarchyEntry;
import io.sessiongate.api.rescue.HierarchyText;
import io.sessiongate.api.rescue.MoveNodeResult;
import io.sessiongate.api.rescue.NodeType;
import io.sessiongate.api.rescue.RescueCode;
import io.sessiongate.api.rescue.SetGroupResult;
import io.sessiongate.api.rescue.SetUserResult;
import io.sessiongate.api.rescue.SetUserStatusResult;
import io.sessiongate.api.rescue.UnassignChannelResult;
import io.sessiongate.api.rescue.UserInfo;
import io.sessiongate.api.rescue.ChannelAvailabilityResult;
import io.sessiongate.api.rescue.CloseSessionResult;
import io.sessiongate.api.rescue.GetReportResult;
import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.HoldSessionResult;
import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.LogoutResult;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.api.rescue.ReportArea;
import io.sessiongate.api.rescue.ReportOutput;
import io.sessiongate.api.rescue.ReportSettingResult;
import io.sessiongate.api.rescue.RequestAuthCodeResult;
import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.api.rescue.RescueReply;
import io.sessiongate.api.rescue.SessionRow;
import io.sessiongate.api.rescue.SessionTable;
import io.sessiongate.api.rescue.StartSessionResult;
import io.sessiongate.api.rescue.TransferSessionResult;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Rescue API ({@code /API/*.aspx}) as typed calls. Every return code is a value; a call
 * throws only {@link SessionGateException} (transport failure, or a reply of unknown shape).
 * Requests are sent as POST forms, so that passwords and auth codes stay out of URLs and logs.
 */
public final class RescueApi {

    private final Transport transport;

    RescueApi(Transport transport) {
        this.transport = transport;
    }

    /** What requestAuthCode answered: its code, and the auth code when it is OK. */
    public record AuthCodeReply(RequestAuthCodeResult result, Optional<String> authCode) {
    }

    /** What getSession_v3 answered: its code, and the sessions when it is OK. */
    public record SessionsReply(GetSessionResult result, List<SessionRow> sessions) {
        public SessionsReply {
            sessions = List.copyOf(sessions);
        }
    }

    /** Logs in; on {@code OK} this client keeps the login cookie for its later calls. */
    public LoginResult login(String email, String password) {
        return Transport.join(loginAsync(email, password));
    }

    public CompletableFuture<LoginResult> loginAsync(String email, String password) {
        return call("login.aspx", false, form("email", email, "pwd", password), code(LoginResult::fromHttpCode));
    }

    /** Ends this client's login (the web session becomes Ended). */
    public LogoutResult logout() {
        return Transport.join(logoutAsync());
    }

    public CompletableFuture<LogoutResult> logoutAsync() {
        return call("logout.aspx", false, Map.of(), code(LogoutResult::fromHttpCode));
    }

    /** Requests a new auth code for the user (the previous one stops working). */
    public AuthCodeReply requestAuthCode(String email, String password) {
        return Transport.join(requestAuthCodeAsync(email, password));
    }

    public CompletableFuture<AuthCodeReply> requestAuthCodeAsync(String email, String password) {
        return call("requestAuthCode.aspx", false, form("email", email, "pwd", password), r -> {
            Optional<String> code = RescueReply.authCodeOf(r.body());
            if (code.isPresent()) {
                return new AuthCodeReply(RequestAuthCodeResult.OK, code);
            }
            RequestAuthCodeResult result = RequestAuthCodeResult.fromHttpCode(r.body())
                    .filter(c -> c != RequestAuthCodeResult.OK)
                    .orElseThrow(() -> unexpected("requestAuthCode", r));
            return new AuthCodeReply(result, Optional.empty());
        });
    }

    /** Transfers session {@code session} to technician {@code node}, with this client's login. */
    public TransferSessionResult transferSession(long session, long node) {
        return transferSession(session, node, NodeRef.NODE, null, null);
    }

    /**
     * Transfers a session to a technician ({@link NodeRef#NODE}) or into a channel's queue
     * ({@link NodeRef#CHANNEL}). Never retried: a transfer is not idempotent.
     *
     * @param comment  optional, up to 1000 characters
     * @param authCode optional: an auth code in place of this client's login
     */
    public TransferSessionResult transferSession(long session, long node, NodeRef nodeRef, String comment,
                                                 String authCode) {
        return Transport.join(transferSessionAsync(session, node, nodeRef, comment, authCode));
    }

    public CompletableFuture<TransferSessionResult> transferSessionAsync(long session, long node, NodeRef nodeRef,
                                                                        String comment, String authCode) {
        return call("transferSession.aspx", false, form("session", session, "node", node, "noderef",
                        nodeRef == null ? NodeRef.NODE : nodeRef, "comment", comment, "authcode", authCode),
                code(TransferSessionResult::fromHttpCode));
    }

    /** The sessions of a technician ({@code NODE}) or waiting in a channel's queue ({@code CHANNEL}). */
    public SessionsReply getSessions(long node, NodeRef nodeRef) {
        return Transport.join(getSessionsAsync(node, nodeRef, null));
    }

    public CompletableFuture<SessionsReply> getSessionsAsync(long node, NodeRef nodeRef, String authCode) {
        return call("getSession_v3.aspx", true, form("node", node, "noderef", nodeRef == null ? NodeRef.NODE : nodeRef,
                "authcode", authCode), r -> {
                    String code = RescueReply.codeOf(r.body());
                    GetSessionResult result = GetSessionResult.fromHttpCode(code)
                            .orElseThrow(() -> unexpected("getSession_v3", r));
                    if (result != GetSessionResult.OK) {
                        return new SessionsReply(result, List.of());
                    }
                    try {
                        return new SessionsReply(result, SessionTable.parse(RescueReply.dataOf(r.body())));
                    } catch (IllegalArgumentException e) {
                        throw unexpected("getSession_v3 (" + e.getMessage() + ")", r);
                    }
                });
    }

    /** What requestPINCode answered: its code, and the 6-digit PIN when it is OK. */
    public record PinCodeReply(RequestPinCodeResult result, Optional<String> pinCode) {
    }

    /**
     * A PIN code for this client's technician ({@code forTechnician} null), or, as an administrator,
     * for one of their technicians (requestPINCode_v3's {@code NodeId}). Never retried.
     *
     * @param customField0 optional, up to 64 characters (the customer's name in the vendor's console)
     * @param noTechConsole whether the PIN may be issued while the technician's console is not running
     */
    public PinCodeReply requestPinCode(Long forTechnician, String customField0, boolean noTechConsole) {
        return Transport.join(requestPinCodeAsync(forTechnician, customField0, noTechConsole));
    }

    public CompletableFuture<PinCodeReply> requestPinCodeAsync(Long forTechnician, String customField0,
                                                               boolean noTechConsole) {
        String method = forTechnician == null ? "requestPINCode.aspx" : "requestPINCode_v3.aspx";
        return call(method, false, form("NodeId", forTechnician, "cfield0", customField0, "notechconsole",
                noTechConsole ? 1 : 0), r -> {
                    Optional<String> pin = RescueReply.pinCodeOf(r.body());
                    if (pin.isPresent()) {
                        return new PinCodeReply(RequestPinCodeResult.OK, pin);
                    }
                    RequestPinCodeResult result = RequestPinCodeResult.fromHttpCode(r.body())
                            .filter(c -> c != RequestPinCodeResult.OK)
                            .orElseThrow(() -> unexpected("requestPINCode", r));
                    return new PinCodeReply(result, Optional.empty());
                });
    }

    /** startSession: technician {@code node} picks the session up (or resumes it from hold). */
    public StartSessionResult startSession(long session, long node) {
        return Transport.join(call("startSession.aspx", false, form("session", session, "node", node),
                code(StartSessionResult::fromHttpCode)));
    }

    public HoldSessionResult holdSession(long session) {
        return Transport.join(call("holdSession.aspx", false, form("session", session),
                code(HoldSessionResult::fromHttpCode)));
    }

    public CloseSessionResult closeSession(long session) {
        return Transport.join(call("closeSession.aspx", false, form("session", session),
                code(CloseSessionResult::fromHttpCode)));
    }

    /** cancelAction: undoes a transfer of the session not yet picked up. */
    public CancelActionResult cancelAction(long session) {
        return Transport.join(call("cancelAction.aspx", false, form("session", session),
                code(CancelActionResult::fromHttpCode)));
    }

    /** Whether a technician who serves the channel is available ({@code TRUE}/{@code FALSE}, or an error code). */
    public ChannelAvailabilityResult isAnyTechAvailableOnChannel(long channel, boolean excludingAwayAndBusy) {
        return Transport.join(isAnyTechAvailableOnChannelAsync(channel, excludingAwayAndBusy));
    }

    public CompletableFuture<ChannelAvailabilityResult> isAnyTechAvailableOnChannelAsync(long channel,
                                                                                         boolean excludingAwayAndBusy) {
        return call("isAnyTechAvailableOnChannel.aspx", true, form("ChannelID", channel, "ExcludingAwayAndBusy",
                excludingAwayAndBusy), code(ChannelAvailabilityResult::fromHttpCode));
    }

    /** The vendor's report date format, {@code M/D/YYYY H:MM:SS}. */
    private static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss");

    /**
     * What getReport_v2 answered: its code, and when it is OK the report (what follows {@code OK} and a
     * blank line: a TEXT table or the XML, as {@link #setOutput} chose).
     */
    public record ReportReply(GetReportResult result, Optional<String> report) {
    }

    /** setReportArea_v8: which report getReport makes (kept for this client's login, in the server's database). */
    public ReportSettingResult setReportArea(ReportArea area) {
        return setting("setReportArea_v8.aspx", "area", area.id());
    }

    /** setReportDate_v2: the first and last second reported, wall-clock times in the report's time zone. */
    public ReportSettingResult setReportDate(LocalDateTime begin, LocalDateTime end) {
        return Transport.join(call("setReportDate_v2.aspx", false, form("bdate", begin.format(REPORT_DATE), "edate",
                end.format(REPORT_DATE)), code(ReportSettingResult::fromHttpCode)));
    }

    /** setReportTime: the part of each day reported. */
    public ReportSettingResult setReportTime(LocalTime begin, LocalTime end) {
        return Transport.join(call("setReportTime.aspx", false, form("btime", begin.withNano(0), "etime",
                end.withNano(0)), code(ReportSettingResult::fromHttpCode)));
    }

    /** setTimezone: the report's offset from UTC in minutes ({@code -240} is UTC-4). */
    public ReportSettingResult setTimezone(int minutesFromUtc) {
        return setting("setTimezone.aspx", "timezone", minutesFromUtc);
    }

    public ReportSettingResult setOutput(ReportOutput output) {
        return setting("setOutput.aspx", "output", output);
    }

    /** setDelimiter: the TEXT report's delimiter (1 to 8 characters). */
    public ReportSettingResult setDelimiter(String delimiter) {
        return setting("setDelimiter.aspx", "delimiter", delimiter);
    }

    /**
     * getReport_v2: the report the settings describe, for technician {@code node} or every technician
     * beneath group {@code node} ({@link NodeRef#NODE}), or for channel {@code node}. Held in memory
     * whole: for a report too large for that, read {@code getReport_v2.aspx} with a streaming HTTP client.
     * Refused ({@code POLLRATEEXCEEDED}) when the same report was served less than 60 seconds ago.
     */
    public ReportReply getReport(long node, NodeRef nodeType) {
        return Transport.join(call("getReport_v2.aspx", false, form("node", node, "nodetype",
                nodeType == null ? NodeRef.NODE : nodeType), r -> {
                    GetReportResult result = GetReportResult.fromHttpCode(RescueReply.codeOf(r.body()))
                            .orElseThrow(() -> unexpected("getReport_v2", r));
                    if (result != GetReportResult.OK) {
                        return new ReportReply(result, Optional.empty());
                    }
                    if (!r.body().startsWith("OK\n\n")) {
                        throw unexpected("getReport_v2", r);
                    }
                    return new ReportReply(result, Optional.of(RescueReply.dataOf(r.body())));
                }));
    }

    private ReportSettingResult setting(String method, String name, Object value) {
        return Transport.join(call(method, false, form(name, value), code(ReportSettingResult::fromHttpCode)));
    }

    // ------------------------------------------------------------------------------------ administration

    /** What getAccount answered: its code, and the caller's account when it is OK. */
    public record AccountReply(GetAccountResult result, Optional<AccountInfo> account) {
    }

    /** What getHierarchy(_v2) answered: its code, and the nodes (parents first) when it is OK. */
    public record HierarchyReply(GetHierarchyResult result, List<HierarchyEntry> nodes) {
        public HierarchyReply {
            nodes = List.copyOf(nodes);
        }
    }

    /** What getUser_v2 answered: its code, and the user when it is OK. */
    public record UserReply(GetUserResult result, Optional<UserInfo> user) {
    }

    /** What getGroup_v2 answered: its code, and the group when it is OK (its parent is not in the text reply). */
    public record GroupReply(GetGroupResult result, Optional<GroupInfo> group) {
    }

    /** What createUser or createGroup answered: its code, and the new node's id when it is OK. */
    public record NewNodeReply<C extends RescueCode>(C result, OptionalLong nodeId) {
    }

    /**
     * setUser_v2's fields: null leaves a field as it is (an empty password too).
     *
     * @param status {@code Enabled}, {@code Disabled} or {@code Deleted}
     */
    public record UserChanges(String name, String nick, String email, String ssoId, String password,
                              String confirmPassword, String currentPassword, String status, String description) {

        public static UserChanges none() {
            return new UserChanges(null, null, null, null, null, null, null, null, null);
        }

        public UserChanges withName(String v) {
            return new UserChanges(v, nick, email, ssoId, password, confirmPassword, currentPassword, status,
                    description);
        }

        public UserChanges withEmail(String v) {
            return new UserChanges(name, nick, v, ssoId, password, confirmPassword, currentPassword, status,
                    description);
        }

        /** A new password, sent as its own confirmation. */
        public UserChanges withPassword(String v) {
            return new UserChanges(name, nick, email, ssoId, v, v, currentPassword, status, description);
        }

        public UserChanges withStatus(String v) {
            return new UserChanges(name, nick, email, ssoId, password, confirmPassword, currentPassword, v,
                    description);
        }

        public UserChanges withDescription(String v) {
            return new UserChanges(name, nick, email, ssoId, password, confirmPassword, currentPassword, status, v);
        }
    }

    /** The caller's account, with their node ids (0 when they have none) and email. */
    public AccountReply getAccount() {
        return Transport.join(call("getAccount.aspx", true, Map.of(), r -> {
            GetAccountResult result = GetAccountResult.fromHttpCode(RescueReply.codeOf(r.body()))
                    .orElseThrow(() -> unexpected("getAccount", r));
            if (result != GetAccountResult.OK) {
                return new AccountReply(result, Optional.empty());
            }
            Map<String, String> f = RescueReply.fieldsOf(r.body());
            try {
                return new AccountReply(result, Optional.of(new AccountInfo(Long.parseLong(f.get("AccountID")),
                        f.get("Organization"), Long.parseLong(f.get("AdminID")), Long.parseLong(f.get("TechID")),
                        f.get("Email"))));
            } catch (RuntimeException e) {
                throw unexpected("getAccount", r);
            }
        }));
    }

    /** The whole hierarchy the caller reaches (getHierarchy_v2). */
    public HierarchyReply getHierarchy() {
        return getHierarchy(null, false);
    }

    /**
     * getHierarchy_v2: node {@code node} and everything beneath it (null: the whole account the caller reaches);
     * with {@code onlineOnly}, without the technicians who are not Online, Away or Busy.
     */
    public HierarchyReply getHierarchy(Long node, boolean onlineOnly) {
        return Transport.join(call("getHierarchy_v2.aspx", true, form("isnode", node != null, "node", node,
                "filteroffline", onlineOnly), r -> {
                    GetHierarchyResult result = GetHierarchyResult.fromHttpCode(RescueReply.codeOf(r.body()))
                            .orElseThrow(() -> unexpected("getHierarchy_v2", r));
                    if (result != GetHierarchyResult.OK) {
                        return new HierarchyReply(result, List.of());
                    }
                    try {
                        return new HierarchyReply(result, HierarchyText.parse(RescueReply.dataOf(r.body())));
                    } catch (IllegalArgumentException e) {
                        throw unexpected("getHierarchy_v2 (" + e.getMessage() + ")", r);
                    }
                }));
    }

    /** getUser_v2: the user holding technician or administrator node {@code node}. */
    public UserReply getUser(long node) {
        return Transport.join(call("getUser_v2.aspx", true, form("node", node), r -> {
            GetUserResult result = GetUserResult.fromHttpCode(RescueReply.codeOf(r.body()))
                    .orElseThrow(() -> unexpected("getUser_v2", r));
            if (result != GetUserResult.OK) {
                return new UserReply(result, Optional.empty());
            }
            Map<String, String> f = RescueReply.fieldsOf(r.body());
            try {
                return new UserReply(result, Optional.of(new UserInfo(Long.parseLong(f.get("NODEID")), f.get("NAME"),
                        f.get("NICK"), f.get("EMAIL"), f.get("SSOID"), f.get("DESCRIPTION"),
                        NodeType.fromText(f.get("TYPE")).orElseThrow(), f.get("STATUS"),
                        "True".equals(f.get("ISACCOUNTHOLDER")))));
            } catch (RuntimeException e) {
                throw unexpected("getUser_v2", r);
            }
        }));
    }

    /**
     * createUser in group {@code parent}; the other arguments may be null (without an email and a password the
     * user is made Disabled, to be completed with {@link #setUser}). Never retried.
     */
    public NewNodeReply<CreateUserResult> createUser(long parent, String name, String email, String password) {
        return Transport.join(call("createUser.aspx", false, form("parent", parent, "name", name, "email", email,
                "pwd", password), newNode("createUser", CreateUserResult::fromHttpCode)));
    }

    /** setUser_v2 on the user holding node {@code node}. */
    public SetUserResult setUser(long node, UserChanges c) {
        return Transport.join(call("setUser_v2.aspx", false, form("node", node, "name", c.name(), "nick", c.nick(),
                "email", c.email(), "ssoid", c.ssoId(), "pwd", c.password(), "confpwd", c.confirmPassword(),
                "oldpwd", c.currentPassword(), "status", c.status(), "description", c.description()),
                code(SetUserResult::fromHttpCode)));
    }

    /** setUserStatus: {@code Enabled}, {@code Disabled} or {@code Deleted}; disabling ends the user's logins at once. */
    public SetUserStatusResult setUserStatus(long node, String status) {
        return Transport.join(call("setUserStatus.aspx", false, form("node", node, "status", status),
                code(SetUserStatusResult::fromHttpCode)));
    }

    /** createGroup under {@code parent} (a technician or administrator group, or their organisation node). Never retried. */
    public NewNodeReply<CreateGroupResult> createGroup(long parent, String name) {
        return Transport.join(call("createGroup.aspx", false, form("parent", parent, "name", name),
                newNode("createGroup", CreateGroupResult::fromHttpCode)));
    }

    /** getGroup_v2. */
    public GroupReply getGroup(long node) {
        return Transport.join(call("getGroup_v2.aspx", true, form("node", node), r -> {
            GetGroupResult result = GetGroupResult.fromHttpCode(RescueReply.codeOf(r.body()))
                    .orElseThrow(() -> unexpected("getGroup_v2", r));
            if (result != GetGroupResult.OK) {
                return new GroupReply(result, Optional.empty());
            }
            Map<String, String> f = RescueReply.fieldsOf(r.body());
            try {
                return new GroupReply(result, Optional.of(new GroupInfo(Long.parseLong(f.get("NODEID")), null,
                        f.get("NAME"), f.get("DESCRIPTION"), NodeType.fromText(f.get("TYPE")).orElseThrow(),
                        "True".equals(f.get("ISENABLED")))));
            } catch (RuntimeException e) {
                throw unexpected("getGroup_v2", r);
            }
        }));
    }

    /** setGroup: null leaves a field as it is; {@code status} is {@code Enabled} or {@code Disabled}. */
    public SetGroupResult setGroup(long node, String name, String status, String description) {
        return Transport.join(call("setGroup.aspx", false, form("node", node, "name", name, "status", status,
                "description", description), code(SetGroupResult::fromHttpCode)));
    }

    /** moveNode: {@code node} goes under group {@code target}. */
    public MoveNodeResult moveNode(long node, long target) {
        return Transport.join(call("moveNode.aspx", false, form("targetNode", target, "node", node),
                code(MoveNodeResult::fromHttpCode)));
    }

    public DeleteNodeResult deleteNode(long node) {
        return Transport.join(call("deleteNode.aspx", false, form("node", node), code(DeleteNodeResult::fromHttpCode)));
    }

    /** assignChannel: channel {@code channel} serves technician group {@code group} too. */
    public AssignChannelResult assignChannel(long group, long channel) {
        return Transport.join(call("assignChannel.aspx", false, form("node", group, "entry", channel),
                code(AssignChannelResult::fromHttpCode)));
    }

    public UnassignChannelResult unassignChannel(long group, long channel) {
        return Transport.join(call("unassignChannel.aspx", false, form("node", group, "entry", channel),
                code(UnassignChannelResult::fromHttpCode)));
    }

    private static <C extends RescueCode> Function<HttpResponse<String>, NewNodeReply<C>> newNode(
            String method, Function<String, Optional<C>> parse) {
        return r -> {
            C result = parse.apply(RescueReply.codeOf(r.body())).orElseThrow(() -> unexpected(method, r));
            OptionalLong id = RescueReply.newNodeOf(r.body());
            if ("OK".equals(result.httpCode()) && id.isEmpty()) {
                throw unexpected(method, r);
            }
            return new NewNodeReply<>(result, id);
        };
    }

    private <T> CompletableFuture<T> call(String method, boolean idempotent, Map<String, String> form,
                                          Function<HttpResponse<String>, T> decode) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = transport.request("API/" + method)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return transport.send(request, idempotent, decode);
    }

    /** Decodes a reply that is exactly one of {@code parse}'s codes. */
    private static <C> Function<HttpResponse<String>, C> code(Function<String, Optional<C>> parse) {
        return r -> {
            if (r.statusCode() != 200 && !"ERROR".equals(r.body())) {
                throw unexpected("the reply", r);
            }
            return parse.apply(r.body()).orElseThrow(() -> unexpected("the reply", r));
        };
    }

    private static SessionGateException unexpected(String what, HttpResponse<String> r) {
        return new SessionGateException.UnexpectedReplyException(what + " is not a Rescue API reply", r.statusCode(),
                r.body());
    }

    private static Map<String, String> form(Object... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], String.valueOf(pairs[i + 1]));
            }
        }
        return m;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
