package io.sessiongate.server.rescue;

import io.sessiongate.api.rescue.GetReportResult;
import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.GetUserResult;
import io.sessiongate.api.rescue.RescueCode;
import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.api.rescue.UserInfo;
import io.sessiongate.core.report.PreparedReport;
import io.sessiongate.core.report.ReportService;
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

        /** getUser_v3: the user when OK, else null. */
        record User(GetUserResult code, UserInfo user) implements Result {
        }

        /**
         * getReport_v2: when OK, the report to stream into the reply (read while it is written, in
         * {@code ReportWriter}); else null.
         */
        record Report(GetReportResult code, PreparedReport report) implements Result {
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
                         LifecycleService lifecycle, PinCodeService pinCodes, ReportService reports) {
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
