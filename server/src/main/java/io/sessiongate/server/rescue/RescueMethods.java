package io.sessiongate.server.rescue;

import io.sessiongate.api.rescue.GetReportResult;
import io.sessiongate.api.rescue.AccountInfo;
import io.sessiongate.api.rescue.GetAccountResult;
import io.sessiongate.api.rescue.GetGroupResult;
import io.sessiongate.api.rescue.GetHierarchyResult;
import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.GetUserResult;
import io.sessiongate.api.rescue.GroupInfo;
import io.sessiongate.api.rescue.HierarchyEntry;
import io.sessiongate.api.rescue.RescueCode;
import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.api.rescue.UserInfo;
import io.sessiongate.core.report.PreparedReport;
import io.sessiongate.core.report.ReportService;
import io.sessiongate.core.Identifiers;
import io.sessiongate.core.account.CallerAccount;
import io.sessiongate.core.account.DirectoryNode;
import io.sessiongate.core.account.DirectoryOutcome;
import io.sessiongate.core.account.DirectoryService;
import io.sessiongate.core.account.GroupChange;
import io.sessiongate.core.account.HierarchyQuery;
import io.sessiongate.core.account.NewGroup;
import io.sessiongate.core.account.NewUser;
import io.sessiongate.core.account.Requester;
import io.sessiongate.core.account.UserChange;
import io.sessiongate.core.rescue.LifecycleService;
import io.sessiongate.core.rescue.PinCodeRequest;
import io.sessiongate.core.rescue.PinCodeService;
import io.sessiongate.core.rescue.SessionQueryService;
import io.sessiongate.core.rescue.SupportSessionView;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.rescue.TransferService;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.core.websession.LoginService;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every Rescue API method, declared once: its name, its parameters (the {@code .aspx} name and the
 * SOAP element), and the service call that answers it. {@link RescueResource} ({@code .aspx}) and
 * {@code RescueSoap} ({@code API.asmx}) look a method up here and only encode its {@link Result}.
 */
public final class RescueMethods {

    /** A parameter: its name in a query string or form (matched in any case), and its SOAP element. */
    public record Param(String aspx, String soap) {
    }

    static final Param EMAIL = new Param("email", "sEmail");
    static final Param PASSWORD = new Param("pwd", "sPassword");
    static final Param SESSION = new Param("session", "iSessionID");
    static final Param NODE = new Param("node", "iNodeID");
    static final Param NODE_REF = new Param("noderef", "eNodeRef");
    static final Param COMMENT = new Param("comment", "sComment");
    static final Param CHANNEL = new Param("channelid", "iChannelID");
    /** startSession's and cancelAction's SOAP names (transferSession's are {@code iSessionID}, {@code iNodeID}). */
    static final Param SESSION_ID = new Param("session", "iSession");
    static final Param PICKED_UP_BY = new Param("node", "iNode");
    static final List<Param> CUSTOM_FIELDS = List.of(new Param("cfield0", "sCField0"), new Param("cfield1", "sCField1"),
            new Param("cfield2", "sCField2"), new Param("cfield3", "sCField3"), new Param("cfield4", "sCField4"),
            new Param("cfield5", "sCField5"));
    static final Param TRACKING = new Param("tracking0", "sTracking0");
    static final Param NO_TECH_CONSOLE = new Param("notechconsole", "bNoTechConsole");
    static final Param PIN_NODE = new Param("nodeid", "nodeId");
    static final Param EXCLUDING_AWAY_AND_BUSY = new Param("excludingawayandbusy", "bExcludingAwayAndBusy");
    // The report methods' names: the HTTP ones as the vendor's pages and tap-logmeinrescue send them, the
    // SOAP ones as the vendor's SOAP samples and clients do.
    static final Param AREA = new Param("area", "eReportArea");
    static final Param BEGIN_DATE = new Param("bdate", "dBeginDate");
    static final Param END_DATE = new Param("edate", "dEndDate");
    static final Param BEGIN_TIME = new Param("btime", "sBeginTime");
    static final Param END_TIME = new Param("etime", "sEndTime");
    static final Param TIMEZONE = new Param("timezone", "sTimezone");
    static final Param OUTPUT = new Param("output", "eOutput");
    static final Param DELIMITER = new Param("delimiter", "sDelimiter");
    static final Param NODE_TYPE = new Param("nodetype", "eNodeRef");
    // The administration methods' (SOAP names after the notes' conventions; see the README where inferred).
    static final Param IS_NODE = new Param("isnode", "bIsNode");
    static final Param FILTER_OFFLINE = new Param("filteroffline", "bFilterOffline");
    static final Param PARENT = new Param("parent", "iParentID");
    static final Param NAME = new Param("name", "sName");
    static final Param NICK = new Param("nick", "sNick");
    static final Param SSO_ID = new Param("ssoid", "sSSOID");
    static final Param NEW_PASSWORD = new Param("pwd", "sPwd");
    static final Param CONFIRM_PASSWORD = new Param("confpwd", "sConfPwd");
    static final Param CURRENT_PASSWORD = new Param("oldpwd", "sCurrentPwd");
    static final Param STATUS = new Param("status", "eStatus");
    static final Param DESCRIPTION = new Param("description", "sDescription");
    /** createUser's SOAP operation takes only {@code iParentID} (the PowerShell module calls it so): these are .aspx only. */
    static final List<Param> NEW_USER_FIELDS = List.of(new Param("name", null), new Param("email", null),
            new Param("pwd", null), new Param("status", null), new Param("description", null));
    static final Param TARGET_NODE = new Param("targetnode", "iTargetNodeID");
    /** The vendor's POST samples name moveNode's and deleteNode's parameters {@code targetNodeID} and {@code nodeID}. */
    static final Param TARGET_NODE_ID = new Param("targetnodeid", null);
    static final Param NODE_ID = new Param("nodeid", null);
    static final Param ENTRY = new Param("entry", "iEntryID");

    /** One call's inputs, whatever the encoding. */
    public record Call(Credentials credentials, String remoteAddress, Function<Param, String> values) {
        String get(Param p) {
            return values.apply(p);
        }
    }

    /** What a method answers: its return code, and for some methods the data each encoding renders. */
    public sealed interface Result {
        RescueCode code();

        record Code(RescueCode code) implements Result {
        }

        /** login: the new cookie's value when OK. */
        record LoggedIn(LoginService.LoginOutcome outcome) implements Result {
            @Override
            public RescueCode code() {
                return outcome.result();
            }
        }

        /** requestAuthCode: the new code when OK, else its refusal. */
        record AuthCode(LoginService.AuthCodeOutcome outcome) implements Result {
            @Override
            public RescueCode code() {
                return outcome.result();
            }
        }

        record Sessions(GetSessionResult code, List<SupportSessionView> sessions) implements Result {
        }

        /**
         * requestPINCode: the PIN when OK, else null; over SOAP an {@code iPINCode} (int), or for
         * {@code requestPINCodeV3} an {@code sPINCode} (the string, zero-padded).
         */
        record PinCode(RequestPinCodeResult code, String pinCode, boolean soapAsString) implements Result {
        }

        /** getUser_v2 and getUser_v3: the user when OK, else null. */
        record User(GetUserResult code, UserInfo user) implements Result {
        }

        /**
         * getReport_v2: when OK, the report to stream into the reply (read while it is written, in
         * {@code ReportWriter}); else null.
         */
        record Report(GetReportResult code, PreparedReport report) implements Result {
        }

        /** getAccount: the caller's account when OK, else null. */
        record Account(GetAccountResult code, AccountInfo account) implements Result {
        }

        /** getHierarchy(_v2): the nodes when OK, else empty. */
        record Hierarchy(GetHierarchyResult code, List<HierarchyEntry> nodes) implements Result {
            public Hierarchy {
                nodes = List.copyOf(nodes);
            }
        }

        /** getGroup_v2: the group when OK, else null. */
        record Group(GetGroupResult code, GroupInfo group) implements Result {
        }

        /** createUser, createGroup: the new node's id when OK, else null. */
        record NewNode(RescueCode code, Long nodeId) implements Result {
        }
    }

    /**
     * A code whose SOAP value is its HTTP text ({@code OK}, {@code NOTLOGGEDIN}): what the PowerShell module
     * expects of {@code setUserStatus_v7_1}, which it compares with {@code 'OK'}.
     */
    record PlainCode(RescueCode of) implements RescueCode {
        @Override
        public String httpCode() {
            return of.httpCode();
        }

        @Override
        public String soapValue() {
            return of.httpCode();
        }
    }

    /**
     * A method.
     *
     * @param name          the vendor's name, e.g. {@code transferSession} ({@code /API/transferSession.aspx})
     * @param soapOperation its operation in the WSDL, or null when it is not served over SOAP
     * @param readsOnly     true for a query, which a browser's cross-site {@code GET} may run; every other
     *                      method is taken to change state
     */
    public record Method(String name, String soapOperation, List<Param> params, Function<Call, Result> call,
                         boolean readsOnly) {

        /** A method that changes state (the default: a new method is refused cross-site until declared a query). */
        public Method(String name, String soapOperation, List<Param> params, Function<Call, Result> call) {
            this(name, soapOperation, params, call, false);
        }

        /** This method, declared as a query. */
        Method query() {
            return new Method(name, soapOperation, params, call, true);
        }
    }

    private final Map<String, Method> byAspx = new HashMap<>();
    private final Map<String, Method> bySoap = new HashMap<>();

    public RescueMethods(LoginService logins, TransferService transfers, SessionQueryService queries,
                         LifecycleService lifecycle, PinCodeService pinCodes, DirectoryService directory,
                         ReportService reports) {
        declare(new Method("login", "login", List.of(EMAIL, PASSWORD), c -> new Result.LoggedIn(
                logins.login(c.get(EMAIL), c.get(PASSWORD), c.credentials().cookieToken(), c.remoteAddress()))));
        declare(new Method("logout", "logout", List.of(),
                c -> new Result.Code(logins.logout(c.credentials().cookieToken()))));
        declare(new Method("requestAuthCode", "requestAuthCode", List.of(EMAIL, PASSWORD),
                c -> new Result.AuthCode(logins.requestAuthCode(c.get(EMAIL), c.get(PASSWORD), c.remoteAddress()))));
        declare(new Method("transferSession", "transferSession", List.of(SESSION, NODE, NODE_REF, COMMENT),
                c -> new Result.Code(transfers.transfer(c.credentials(), new TransferRequest(c.get(SESSION),
                        c.get(NODE), c.get(NODE_REF), c.get(COMMENT))))));
        declare(new Method("requestPINCode", "requestPINCode", pinParams(false),
                c -> pinCode(pinCodes, c, false)));
        declare(new Method("requestPINCode_v3", "requestPINCodeV3", pinParams(true),
                c -> pinCode(pinCodes, c, true)));
        declare(new Method("startSession", "startSession", List.of(SESSION_ID, PICKED_UP_BY),
                c -> new Result.Code(lifecycle.start(c.credentials(), c.get(SESSION_ID), c.get(PICKED_UP_BY)))));
        declare(new Method("holdSession", "holdSession", List.of(SESSION_ID),
                c -> new Result.Code(lifecycle.hold(c.credentials(), c.get(SESSION_ID)))));
        declare(new Method("closeSession", "closeSession", List.of(SESSION_ID),
                c -> new Result.Code(lifecycle.close(c.credentials(), c.get(SESSION_ID)))));
        declare(new Method("cancelAction", "cancelAction", List.of(SESSION_ID),
                c -> new Result.Code(lifecycle.cancelAction(c.credentials(), c.get(SESSION_ID)))));
        declare(new Method("getSession_v3", "getSession_V3", List.of(NODE, NODE_REF), c -> {
            SessionQueryService.Sessions found = queries.sessions(c.credentials(), c.get(NODE), c.get(NODE_REF));
            return new Result.Sessions(found.result(), found.sessions());
        }).query());
        declare(new Method("isAnyTechAvailableOnChannel", null, List.of(CHANNEL, EXCLUDING_AWAY_AND_BUSY),
                c -> new Result.Code(queries.isAnyTechAvailableOnChannel(c.credentials(), c.get(CHANNEL),
                        c.get(EXCLUDING_AWAY_AND_BUSY)))).query());
        declare(new Method("getUser_v3", null, List.of(NODE, EMAIL), c -> {
            SessionQueryService.UserLookup found = queries.user(c.credentials(), c.get(NODE), c.get(EMAIL));
            return new Result.User(found.result(), found.user() == null ? null : RescueViews.user(found.user()));
        }).query());
        // The report setters: their SOAP values drop the method's version, as getReport_v2's do.
        declare(new Method("setReportArea_v8", "setReportArea_v8", List.of(AREA),
                c -> new Result.Code(reports.setArea(c.credentials(), c.get(AREA)).of("setReportArea"))));
        declare(new Method("setReportDate_v2", "setReportDate_v2", List.of(BEGIN_DATE, END_DATE),
                c -> new Result.Code(reports.setDates(c.credentials(), c.get(BEGIN_DATE), c.get(END_DATE))
                        .of("setReportDate"))));
        declare(new Method("setReportTime", "setReportTime", List.of(BEGIN_TIME, END_TIME),
                c -> new Result.Code(reports.setTimes(c.credentials(), c.get(BEGIN_TIME), c.get(END_TIME))
                        .of("setReportTime"))));
        declare(new Method("setTimezone", "setTimezone", List.of(TIMEZONE),
                c -> new Result.Code(reports.setTimezone(c.credentials(), c.get(TIMEZONE)).of("setTimezone"))));
        declare(new Method("setOutput", "setOutput", List.of(OUTPUT),
                c -> new Result.Code(reports.setOutput(c.credentials(), c.get(OUTPUT)).of("setOutput"))));
        declare(new Method("setDelimiter", "setDelimiter", List.of(DELIMITER),
                c -> new Result.Code(reports.setDelimiter(c.credentials(), c.get(DELIMITER)).of("setDelimiter"))));
        // Not a query: it counts against the poll limit, which a cross-site page must not spend for a caller.
        declare(new Method("getReport_v2", "getReport_v2", List.of(NODE, NODE_TYPE), c -> {
            ReportService.ReportRequest asked = reports.report(c.credentials(), c.get(NODE), c.get(NODE_TYPE));
            return new Result.Report(asked.result(), asked.report());
        }));
        declareAdministration(directory);
    }

    /** The administration methods, over {@link DirectoryService}; their codes are in {@link DirectoryCodes}. */
    private void declareAdministration(DirectoryService directory) {
        declare(new Method("getAccount", "getAccount", List.of(), c -> {
            DirectoryOutcome<CallerAccount> o = directory.account(who(c));
            return new Result.Account(DirectoryCodes.GET_ACCOUNT.of(o), value(o, RescueViews::account));
        }).query());
        declare(new Method("getHierarchy", "getHierarchy", List.of(),
                c -> hierarchy(directory.hierarchy(who(c), HierarchyQuery.wholeAccount()))).query());
        declare(new Method("getHierarchy_v2", "getHierarchy_v2", List.of(IS_NODE, NODE, FILTER_OFFLINE),
                c -> hierarchy(directory.hierarchy(who(c), new HierarchyQuery(bool(c.get(IS_NODE)), id(c.get(NODE)),
                        bool(c.get(FILTER_OFFLINE)))))).query());
        declare(new Method("getUser_v2", "getUser_v2", List.of(NODE), c -> {
            DirectoryOutcome<DirectoryNode> o = directory.user(who(c), id(c.get(NODE)));
            return new Result.User(DirectoryCodes.GET_USER.of(o), value(o, RescueViews::user));
        }).query());
        declare(new Method("getGroup_v2", "getGroup_v2", List.of(NODE), c -> {
            DirectoryOutcome<DirectoryNode> o = directory.group(who(c), id(c.get(NODE)));
            return new Result.Group(DirectoryCodes.GET_GROUP.of(o), value(o, RescueViews::group));
        }).query());
        List<Param> newUser = new java.util.ArrayList<>(List.of(PARENT));
        newUser.addAll(NEW_USER_FIELDS);
        declare(new Method("createUser", "createUser", List.copyOf(newUser), c -> {
            List<String> f = NEW_USER_FIELDS.stream().map(c::get).toList();
            DirectoryOutcome<DirectoryNode> o = directory.createUser(who(c), new NewUser(id(c.get(PARENT)), f.get(0),
                    f.get(1), f.get(2), f.get(3), f.get(4)));
            return new Result.NewNode(DirectoryCodes.CREATE_USER.of(o), value(o, DirectoryNode::id));
        }));
        declare(new Method("setUser_v2", "setUser_v2", List.of(NODE, NAME, NICK, EMAIL, SSO_ID, NEW_PASSWORD,
                CONFIRM_PASSWORD, CURRENT_PASSWORD, STATUS, DESCRIPTION), c -> new Result.Code(
                DirectoryCodes.SET_USER.of(directory.changeUser(who(c), new UserChange(id(c.get(NODE)), c.get(NAME),
                        c.get(NICK), c.get(EMAIL), c.get(SSO_ID), c.get(NEW_PASSWORD), c.get(CONFIRM_PASSWORD),
                        c.get(CURRENT_PASSWORD), c.get(STATUS), c.get(DESCRIPTION)))))));
        declare(new Method("setUserStatus", "setUserStatus", List.of(NODE, STATUS), c -> new Result.Code(
                DirectoryCodes.SET_USER_STATUS.of(directory.changeUserStatus(who(c), id(c.get(NODE)),
                        c.get(STATUS))))));
        declare(new Method("setUserStatus_v7_1", "setUserStatus_v7_1", List.of(NODE, STATUS), c -> new Result.Code(
                new PlainCode(DirectoryCodes.SET_USER_STATUS.of(directory.changeUserStatus(who(c), id(c.get(NODE)),
                        c.get(STATUS)))))));
        declare(new Method("createGroup", "createGroup", List.of(PARENT, NAME, STATUS, DESCRIPTION), c -> {
            DirectoryOutcome<DirectoryNode> o = directory.createGroup(who(c), new NewGroup(id(c.get(PARENT)),
                    c.get(NAME), c.get(STATUS), c.get(DESCRIPTION)));
            return new Result.NewNode(DirectoryCodes.CREATE_GROUP.of(o), value(o, DirectoryNode::id));
        }));
        declare(new Method("setGroup", "setGroup", List.of(NODE, NAME, STATUS, DESCRIPTION), c -> new Result.Code(
                DirectoryCodes.SET_GROUP.of(directory.changeGroup(who(c), new GroupChange(id(c.get(NODE)),
                        c.get(NAME), c.get(STATUS), c.get(DESCRIPTION)))))));
        declare(new Method("moveNode", "moveNode", List.of(TARGET_NODE, TARGET_NODE_ID, NODE, NODE_ID),
                c -> new Result.Code(DirectoryCodes.MOVE_NODE.of(directory.moveNode(who(c),
                        id(either(c, NODE, NODE_ID)), id(either(c, TARGET_NODE, TARGET_NODE_ID)))))));
        declare(new Method("deleteNode", "deleteNode", List.of(NODE, NODE_ID), c -> new Result.Code(
                DirectoryCodes.DELETE_NODE.of(directory.deleteNode(who(c), id(either(c, NODE, NODE_ID)))))));
        declare(new Method("assignChannel", "assignChannel", List.of(NODE, ENTRY), c -> new Result.Code(
                DirectoryCodes.ASSIGN_CHANNEL.of(directory.assignChannel(who(c), id(c.get(NODE)),
                        id(c.get(ENTRY)))))));
        declare(new Method("unassignChannel", "unassignChannel", List.of(NODE, ENTRY), c -> new Result.Code(
                DirectoryCodes.UNASSIGN_CHANNEL.of(directory.unassignChannel(who(c), id(c.get(NODE)),
                        id(c.get(ENTRY)))))));
    }

    private static Result hierarchy(DirectoryOutcome<List<DirectoryNode>> o) {
        List<HierarchyEntry> nodes = value(o, RescueViews::hierarchy);
        return new Result.Hierarchy(DirectoryCodes.GET_HIERARCHY.of(o), nodes == null ? List.of() : nodes);
    }

    private static Requester who(Call c) {
        return Requester.of(c.credentials());
    }

    /** The answer's value, presented, when the outcome is done; else null. */
    private static <T, R> R value(DirectoryOutcome<T> outcome, Function<T, R> present) {
        return outcome instanceof DirectoryOutcome.Done<T> done ? present.apply(done.value()) : null;
    }

    /** A node id as every Rescue method reads one; null when missing or not a positive integer (the service says which code). */
    private static Long id(String raw) {
        return Identifiers.parse(raw) instanceof Identifiers.Parsed.Id id ? id.value() : null;
    }

    /** {@code true}/{@code false} (or 1/0) in any case; false when missing or blank; null when not a boolean. */
    private static Boolean bool(String raw) {
        if (raw == null || raw.isBlank()) {
            return Boolean.FALSE;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The first of two names a parameter goes by that the caller sent. */
    private static String either(Call c, Param first, Param second) {
        String v = c.get(first);
        return v != null ? v : c.get(second);
    }

    private static List<Param> pinParams(boolean v3) {
        List<Param> params = new java.util.ArrayList<>(CUSTOM_FIELDS);
        params.add(TRACKING);
        params.add(NO_TECH_CONSOLE);
        if (v3) {
            params.add(PIN_NODE);
        }
        return List.copyOf(params);
    }

    private static Result pinCode(PinCodeService pinCodes, Call c, boolean v3) {
        PinCodeService.PinCode pin = pinCodes.request(c.credentials(), new PinCodeRequest(
                CUSTOM_FIELDS.stream().map(c::get).toList(), c.get(TRACKING), c.get(NO_TECH_CONSOLE),
                v3 ? c.get(PIN_NODE) : null));
        return new Result.PinCode(pin.result(), pin.pinCode(), v3);
    }

    private void declare(Method m) {
        byAspx.put(m.name().toLowerCase(Locale.ROOT) + ".aspx", m);
        if (m.soapOperation() != null) {
            bySoap.put(m.soapOperation(), m);
        }
    }

    /** The method of an {@code .aspx} name in any case, e.g. {@code TransferSession.aspx}. */
    public Optional<Method> aspx(String fileName) {
        return Optional.ofNullable(byAspx.get(fileName.toLowerCase(Locale.ROOT)));
    }

    /** The method of a SOAP operation, by its exact name in the WSDL. */
    public Optional<Method> soap(String operation) {
        return Optional.ofNullable(bySoap.get(operation));
    }
}
