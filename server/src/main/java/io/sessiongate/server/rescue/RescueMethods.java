package io.sessiongate.server.rescue;

import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.GetUserResult;
import io.sessiongate.api.rescue.RescueCode;
import io.sessiongate.api.rescue.UserInfo;
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
    static final Param EXCLUDING_AWAY_AND_BUSY = new Param("excludingawayandbusy", "bExcludingAwayAndBusy");

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

        /** getUser_v3: the user when OK, else null. */
        record User(GetUserResult code, UserInfo user) implements Result {
        }
    }

    /**
     * A method.
     *
     * @param name          the vendor's name, e.g. {@code transferSession} ({@code /API/transferSession.aspx})
     * @param soapOperation its operation in the WSDL, or null when it is not served over SOAP
     */
    public record Method(String name, String soapOperation, List<Param> params, Function<Call, Result> call) {
    }

    private final Map<String, Method> byAspx = new HashMap<>();
    private final Map<String, Method> bySoap = new HashMap<>();

    public RescueMethods(LoginService logins, TransferService transfers, SessionQueryService queries) {
        declare(new Method("login", "login", List.of(EMAIL, PASSWORD), c -> new Result.LoggedIn(
                logins.login(c.get(EMAIL), c.get(PASSWORD), c.credentials().cookieToken(), c.remoteAddress()))));
        declare(new Method("logout", "logout", List.of(),
                c -> new Result.Code(logins.logout(c.credentials().cookieToken()))));
        declare(new Method("requestAuthCode", "requestAuthCode", List.of(EMAIL, PASSWORD),
                c -> new Result.AuthCode(logins.requestAuthCode(c.get(EMAIL), c.get(PASSWORD), c.remoteAddress()))));
        declare(new Method("transferSession", "transferSession", List.of(SESSION, NODE, NODE_REF, COMMENT),
                c -> new Result.Code(transfers.transfer(c.credentials(), new TransferRequest(c.get(SESSION),
                        c.get(NODE), c.get(NODE_REF), c.get(COMMENT))))));
        declare(new Method("getSession_v3", "getSession_V3", List.of(NODE, NODE_REF), c -> {
            SessionQueryService.Sessions found = queries.sessions(c.credentials(), c.get(NODE), c.get(NODE_REF));
            return new Result.Sessions(found.result(), found.sessions());
        }));
        declare(new Method("isAnyTechAvailableOnChannel", null, List.of(CHANNEL, EXCLUDING_AWAY_AND_BUSY),
                c -> new Result.Code(queries.isAnyTechAvailableOnChannel(c.credentials(), c.get(CHANNEL),
                        c.get(EXCLUDING_AWAY_AND_BUSY)))));
        declare(new Method("getUser_v3", null, List.of(NODE, EMAIL), c -> {
            SessionQueryService.UserLookup found = queries.user(c.credentials(), c.get(NODE), c.get(EMAIL));
            return new Result.User(found.result(), found.user() == null ? null : RescueViews.user(found.user()));
        }));
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
