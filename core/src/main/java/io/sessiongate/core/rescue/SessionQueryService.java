package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.ChannelAvailabilityResult;
import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.GetUserResult;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Admission;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Rescue API's read methods around a transfer: getSession_v3, isAnyTechAvailableOnChannel and
 * getUser_v3. Each reads only what the {@link Scope} policy lets the caller see. Answers are in the
 * domain's types; each API renders them.
 */
public final class SessionQueryService {

    /** The most sessions one getSession_v3 reply lists. */
    public static final int MAX_ROWS = SupportSessionRepository.MAX_ROWS;

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final Clock clock;
    private final SupportSessionRepository sessions;
    private final PresenceRepository presence;
    private final DirectoryReads directory;

    public SessionQueryService(Database db, CallerAuthenticator authenticator, Clock clock,
                               SupportSessionRepository sessions, PresenceRepository presence,
                               DirectoryReads directory) {
        this.db = db;
        this.authenticator = authenticator;
        this.clock = clock;
        this.sessions = sessions;
        this.presence = presence;
        this.directory = directory;
    }

    /** getSession_v3's answer: its code, and the sessions when the code is OK. */
    public record Sessions(GetSessionResult result, List<SupportSessionView> sessions) {
        public Sessions {
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * A user as getUser_v3 describes them.
     *
     * @param asAdministrator whether the node asked for (or, by email, the user) is an administrator's
     * @param presence        the console's status while it runs; null when Offline
     */
    public record UserView(long nodeId, String name, String email, boolean asAdministrator, UserStatus status,
                           PresenceStatus presence) {
    }

    /** getUser_v3's answer: its code, and the user when the code is OK. */
    public record UserLookup(GetUserResult result, UserView user) {
    }

    /** Who may see a console's list. */
    public enum ConsoleAccess {
        OK, NOT_LOGGED_IN, NOT_A_TECHNICIAN, USER_DELETED_OR_DISABLED
    }

    /** The console's list: empty unless {@code access} is OK. */
    public record ConsoleSessions(ConsoleAccess access, List<SupportSessionView> sessions) {
    }

    /** A technician's console: their own live sessions and those waiting in the channels serving their group. */
    public ConsoleSessions consoleSessions(Credentials credentials) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.TECHNICIAN);
            if (admission instanceof Admission.Refused r) {
                return new ConsoleSessions(switch (r.refusal()) {
                    case INVALID_AUTH_CODE, NOT_LOGGED_IN -> ConsoleAccess.NOT_LOGGED_IN;
                    case NOT_A_TECHNICIAN, NOT_AN_ADMINISTRATOR -> ConsoleAccess.NOT_A_TECHNICIAN;
                    case USER_DISABLED -> ConsoleAccess.USER_DELETED_OR_DISABLED;
                }, List.of());
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            return new ConsoleSessions(ConsoleAccess.OK, sessions.consoleSessions(Tx.of(s), caller.accountId(),
                    caller.techNodeId(), clock.instant()));
        });
    }

    /** The sessions a technician owns ({@code NODE}), or that wait in a channel's queue ({@code CHANNEL}). */
    public Sessions sessions(Credentials credentials, String nodeRaw, String nodeRefRaw) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.ANY_USER);
            if (admission instanceof Admission.Refused r) {
                return new Sessions(r.refusal().rescueCode(GetSessionResult.INVALID_SECRET_AUTH_CODE,
                        GetSessionResult.NOT_LOGGED_IN, GetSessionResult.USER_DELETED_OR_DISABLED), List.of());
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            Tx tx = Tx.of(s);
            OptionalLong node = RescueParams.id(nodeRaw);
            Optional<NodeRef> ref = RescueParams.nodeRef(nodeRefRaw);
            if (node.isEmpty() || ref.isEmpty() || !mayTarget(tx, caller, node.getAsLong(), ref.get())) {
                return new Sessions(GetSessionResult.INVALID_PARAM_NODE, List.of());
            }
            return new Sessions(GetSessionResult.OK,
                    sessions.sessions(tx, caller.accountId(), node.getAsLong(), ref.get(), clock.instant()));
        });
    }

    /** Whether an enabled technician of a group the channel serves has a running console (and is Online, if asked). */
    public ChannelAvailabilityResult isAnyTechAvailableOnChannel(Credentials credentials, String channelRaw,
                                                                 String excludingAwayAndBusyRaw) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.ANY_USER);
            if (admission instanceof Admission.Refused r) {
                return r.refusal().rescueCode(ChannelAvailabilityResult.INVALID_SECRET_AUTH_CODE,
                        ChannelAvailabilityResult.NOT_LOGGED_IN, ChannelAvailabilityResult.USER_DELETED_OR_DISABLED);
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            Tx tx = Tx.of(s);
            OptionalLong channel = RescueParams.id(channelRaw);
            if (channel.isEmpty() || !mayTarget(tx, caller, channel.getAsLong(), NodeRef.CHANNEL)) {
                return ChannelAvailabilityResult.INVALID_PARAM_CHANNEL;
            }
            Boolean excluding = RescueParams.bool(excludingAwayAndBusyRaw, false);
            if (excluding == null) {
                return ChannelAvailabilityResult.ERROR;
            }
            EnumSet<PresenceStatus> statuses = excluding ? EnumSet.of(PresenceStatus.ONLINE)
                    : EnumSet.allOf(PresenceStatus.class);
            boolean available = presence.anyAvailable(tx, channel.getAsLong(), statuses,
                    ConsoleHeartbeat.runningSince(clock.instant()));
            return available ? ChannelAvailabilityResult.TRUE : ChannelAvailabilityResult.FALSE;
        });
    }

    /** A user of the caller's account, by node (technician or administrator node) or by email, never both. */
    public UserLookup user(Credentials credentials, String nodeRaw, String emailRaw) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.ANY_USER);
            if (admission instanceof Admission.Refused r) {
                return new UserLookup(r.refusal().rescueCode(GetUserResult.INVALID_SECRET_AUTH_CODE,
                        GetUserResult.NOT_LOGGED_IN, GetUserResult.USER_DELETED_OR_DISABLED), null);
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            boolean byNode = nodeRaw != null && !nodeRaw.isBlank();
            boolean byEmail = emailRaw != null && !emailRaw.isBlank();
            if (byNode && byEmail) {
                return new UserLookup(GetUserResult.EMAIL_AND_NODE_BOTH_SPECIFIED, null);
            }
            OptionalLong node = RescueParams.id(nodeRaw);
            if (!byEmail && node.isEmpty()) {
                return new UserLookup(GetUserResult.INVALID_PARAM_NODE, null);
            }
            Tx tx = Tx.of(s);
            Optional<DirectoryReads.RescueUser> found = byEmail
                    ? directory.userByEmail(tx, caller.accountId(), emailRaw.trim())
                    : directory.userByNode(tx, caller.accountId(), node.getAsLong());
            if (found.isEmpty()) {
                return new UserLookup(byEmail ? GetUserResult.INVALID_PARAM_EMAIL : GetUserResult.INVALID_PARAM_NODE,
                        null);
            }
            DirectoryReads.RescueUser u = found.get();
            boolean asAdministrator = byEmail ? u.techNodeId() == null
                    : Long.valueOf(node.getAsLong()).equals(u.adminNodeId());
            Instant now = clock.instant();
            PresenceStatus online = u.presence() != null && ConsoleHeartbeat.isRunning(u.lastHeartbeat(), now)
                    ? u.presence() : null;
            return new UserLookup(GetUserResult.OK, new UserView(asAdministrator ? u.adminNodeId() : u.techNodeId(),
                    u.name(), u.email(), asAdministrator, u.status(), online));
        });
    }

    private boolean mayTarget(Tx tx, Caller caller, long nodeId, NodeRef ref) {
        return Scope.mayTarget(caller, directory.node(tx, nodeId).orElse(null), ref);
    }
}
