package io.sessiongate.core.admin;

import io.sessiongate.api.admin.CreateSupportSession;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.admin.SupportSessionAction;
import io.sessiongate.api.admin.SupportSessionCreated;
import io.sessiongate.api.admin.SupportSessionView;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.api.rescue.RescueCode;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.LifecycleService;
import io.sessiongate.core.rescue.PinCodeRequest;
import io.sessiongate.core.rescue.PinCodeService;
import io.sessiongate.core.rescue.Scope;
import io.sessiongate.core.rescue.SupportSessionRepository;
import io.sessiongate.core.rescue.SupportSessionStatus;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.rescue.TransferService;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Support sessions for the administration API, over the very services the Rescue methods use: a new
 * session with a PIN for a technician is {@link PinCodeService}'s (its rules, its poll rate, its
 * event), a transfer {@link TransferService}'s, start, hold, close and cancel-action
 * {@link LifecycleService}'s; their Rescue codes come back as outcomes ({@code ACTIONFAILED} a
 * conflict, {@code INVALIDPARAM_NODE} a field error, {@code ERROR} not found). What only this API
 * does (a session queued in a channel by an administrator, the lists and reads) is here, under the
 * same {@link Scope}: an administrator sees and acts on the sessions of their folder list only.
 */
public final class SupportSessionAdministration {

    /** The most transfers one session read lists. */
    static final int MAX_TRANSFERS = 1000;
    /** How many rows one list request scans at most to fill a page for an administrator of some folders. */
    static final int MAX_SCANNED = 2000;

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}");

    private static final NativeSql TRANSFERS = NativeSql.of("""
            SELECT id, from_node_id, to_node_id, node_ref, comment, by_user_id, transferred_at FROM transfer
            WHERE session_id = :session AND account_id = :account ORDER BY id LIMIT {max}"""
            .replace("{max}", Integer.toString(MAX_TRANSFERS)));

    private final Database db;
    private final Clock clock;
    private final EventRecorder events;
    private final AdminAccess access;
    private final SupportSessionRepository sessions;
    private final PinCodeService pins;
    private final TransferService transfers;
    private final LifecycleService lifecycle;

    public SupportSessionAdministration(Database db, Clock clock, EventRecorder events, AdminAccess access,
                                        SupportSessionRepository sessions, PinCodeService pins,
                                        TransferService transfers, LifecycleService lifecycle) {
        this.db = db;
        this.clock = clock;
        this.events = events;
        this.access = access;
        this.sessions = sessions;
        this.pins = pins;
        this.transfers = transfers;
        this.lifecycle = lifecycle;
    }

    /** A page of sessions; {@code parseErrors} as for the other lists ({@code page} null when any). */
    public AdminOutcome<Slice<SupportSessionView>> list(Credentials credentials, String siteKey, String status,
                                                        Long technicianId, Long channelId, PageQuery page,
                                                        List<FieldError> parseErrors) {
        List<FieldError> errors = new ArrayList<>(parseErrors);
        Rules rules = new Rules(errors);
        if (status != null && Arrays.stream(SupportSessionStatus.values()).noneMatch(v -> v.name().equals(status))) {
            rules.add("status", "INVALID_STATUS", "status must be one of " + Arrays.toString(SupportSessionStatus.values())
                    + ".");
        }
        rules.id("technicianId", technicianId);
        rules.id("channelId", channelId);
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            Caller caller = who.caller();
            SupportSessionRepository.ListFilter filter = new SupportSessionRepository.ListFilter(status, technicianId,
                    channelId);
            // Keyset over the account's rows; an administrator of some folders sees only the visible ones, so
            // a page may scan further (bounded) and come back shorter than asked, with a cursor to go on.
            List<SupportSessionView> visible = new ArrayList<>();
            long after = page.afterId();
            int scanned = 0;
            while (true) {
                int batch = page.limit() + 1;
                List<SupportSessionRepository.Listed> rows = sessions.page(Tx.of(s), who.accountId(), filter, after,
                        batch);
                for (SupportSessionRepository.Listed r : rows) {
                    after = r.view().id();
                    scanned++;
                    if (r.visibleTo(caller)) {
                        visible.add(r.view());
                        if (visible.size() > page.limit()) {
                            return AdminOutcome.done(Slice.of(visible, page.limit(), SupportSessionView::id));
                        }
                    }
                }
                if (rows.size() < batch) {
                    return AdminOutcome.done(new Slice<>(visible, null)); // the end of the list
                }
                if (scanned >= MAX_SCANNED) {
                    return AdminOutcome.done(new Slice<>(visible, after)); // a short page: go on from here
                }
            }
        });
    }

    /** One session of the caller's reach, with its transfers. */
    public AdminOutcome<SupportSessionView> get(Credentials credentials, String siteKey, long id) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            return read(Tx.of(s), who.caller(), who.accountId(), id)
                    .<AdminOutcome<SupportSessionView>>map(AdminOutcome::done).orElseGet(AdminOutcome.NotFound::new);
        });
    }

    /** Whether the session exists in the account and {@code caller} may see it (the audit trail asks). */
    boolean visible(Tx tx, Caller caller, long accountId, long id) {
        return sessions.listed(tx, accountId, id).filter(r -> r.visibleTo(caller)).isPresent();
    }

    private Optional<SupportSessionView> read(Tx tx, Caller caller, long accountId, long id) {
        Optional<SupportSessionRepository.Listed> row = sessions.listed(tx, accountId, id)
                .filter(r -> r.visibleTo(caller));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<SupportSessionView.TransferView> history = TRANSFERS.on(tx).set("session", id).set("account", accountId)
                .list(r -> new SupportSessionView.TransferView(r.getLong("id"), r.getLong("from_node_id"),
                        r.getLong("to_node_id"), r.getString("node_ref"), r.getString("comment"),
                        r.getLong("by_user_id"), r.getInstant("transferred_at")));
        SupportSessionView v = row.get().view();
        return Optional.of(new SupportSessionView(v.id(), v.status(), v.technicianId(), v.technicianName(),
                v.channelId(), v.channelName(), v.customFields(), v.tracking(), v.language(), v.startedAt(),
                v.statusChangedAt(), history));
    }

    /**
     * A new session: with a PIN for {@code technicianId} (PinCodeService's rules: the technician must be
     * in the caller's reach and, unless {@code noTechConsole}, have a running console; one PIN per second
     * per user), or waiting in {@code channelId}'s queue (a channel in the caller's reach).
     */
    public AdminOutcome<SupportSessionCreated> create(Credentials credentials, String siteKey,
                                                      CreateSupportSession request) {
        List<FieldError> errors = new ArrayList<>();
        Rules rules = new Rules(errors);
        List<String> fields = Arrays.asList(new String[PinCodeRequest.MAX_FIELD_LENGTHS.size()]);
        if (request == null) {
            rules.add("", "REQUIRED", "a body with technicianId or channelId is mandatory.");
        } else {
            if ((request.technicianId() == null) == (request.channelId() == null)) {
                rules.add("technicianId", "ONE_OF_TECHNICIAN_OR_CHANNEL", "give exactly one of technicianId and channelId.");
            }
            rules.id("technicianId", request.technicianId());
            rules.id("channelId", request.channelId());
            if (request.channelId() != null && request.noTechConsole() != null) {
                rules.add("noTechConsole", "NOT_FOR_A_CHANNEL", "noTechConsole is for a technician's session only.");
            }
            if (request.customFields() != null) {
                if (request.customFields().size() > fields.size()) {
                    rules.add("customFields", "TOO_MANY", "at most " + fields.size() + " custom fields.");
                } else {
                    for (int i = 0; i < request.customFields().size(); i++) {
                        fields.set(i, request.customFields().get(i));
                    }
                }
            }
            if (request.customerName() != null) {
                if (fields.get(0) != null) {
                    rules.add("customerName", "TWICE", "customerName is custom field 0: give it once.");
                }
                fields.set(0, request.customerName());
            }
            for (int i = 0; i < fields.size(); i++) {
                String name = i == 0 && request.customerName() != null ? "customerName" : "customFields[" + i + "]";
                rules.freeText(name, fields.get(i), PinCodeRequest.MAX_FIELD_LENGTHS.get(i));
            }
            rules.freeText("tracking", request.tracking(), PinCodeRequest.MAX_TRACKING_LENGTH);
            if (rules.freeText("language", request.language(), 16)) {
                rules.matches("language", request.language(), LANGUAGE, "INVALID_LANGUAGE",
                        "language must be a language tag such as en or pt-BR.");
            }
        }
        if (!errors.isEmpty()) {
            AdminOutcome<AdminAccess.AccountCaller> admitted = access.admit(credentials, siteKey,
                    AdminAccess.Need.ADMINISTRATOR);
            return admitted instanceof AdminOutcome.Done ? AdminOutcome.invalid(errors) : admitted.refusal();
        }
        String language = request.language() == null ? PinCodeRequest.DEFAULT_LANGUAGE : request.language();
        if (request.channelId() != null) {
            return inChannel(credentials, siteKey, request.channelId(), fields, request.tracking(), language);
        }
        AdminOutcome<AdminAccess.AccountCaller> admitted = access.admit(credentials, siteKey,
                AdminAccess.Need.ADMINISTRATOR);
        if (!(admitted instanceof AdminOutcome.Done)) {
            return admitted.refusal();
        }
        PinCodeService.PinCode pin = pins.request(credentials, new PinCodeRequest(fields, request.tracking(),
                Boolean.TRUE.equals(request.noTechConsole()) ? "1" : "0", Long.toString(request.technicianId()),
                language));
        return switch (pin.result()) {
            case OK -> AdminOutcome.done(new SupportSessionCreated(pin.sessionId(),
                    SupportSessionStatus.PIN_ISSUED.name(), pin.pinCode()));
            case NOT_TECHNICIAN -> AdminOutcome.invalid(List.of(new FieldError("technicianId", pin.result().httpCode(),
                    "technicianId is not a technician of the caller's folder list.")));
            case NO_TECH_CONSOLE_RUNNING -> conflict(pin.result(), "the technician's console is not running "
                    + "(send noTechConsole: true to issue the PIN all the same)");
            case POLL_RATE_EXCEEDED -> conflict(pin.result(), "one PIN per second per user: try again in a second");
            case OUT_OF_PIN_CODES -> conflict(pin.result(), "no free PIN code was found; try again");
            case ERROR -> AdminOutcome.invalid(List.of(new FieldError("", pin.result().httpCode(),
                    "the request was refused.")));
            case NOT_LOGGED_IN, INVALID_SECRET_AUTH_CODE -> new AdminOutcome.NotAuthenticated<>();
            case USER_DELETED_OR_DISABLED -> new AdminOutcome.Forbidden<>(pin.result().httpCode(),
                    "the user is disabled or deleted");
        };
    }

    private AdminOutcome<SupportSessionCreated> inChannel(Credentials credentials, String siteKey, long channelId,
                                                          List<String> fields, String tracking, String language) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            Caller caller = who.caller();
            Tx tx = Tx.of(s);
            SupportSessionRepository.Target channel = sessions.targetAndSession(tx, channelId, null).target();
            if (!Scope.mayTarget(caller, channel == null ? null : channel.scope(), NodeRef.CHANNEL)) {
                return AdminOutcome.invalid(List.of(new FieldError("channelId", "INVALIDPARAM_NODE",
                        "channelId is not a channel of the caller's folder list.")));
            }
            long id = sessions.nextId(tx);
            Instant now = clock.instant();
            sessions.insertWaiting(tx, id, who.accountId(), channelId, fields, tracking, language, caller.userId(),
                    null, now);
            Map<String, Object> after = new HashMap<>();
            after.put("status", SupportSessionStatus.WAITING.name());
            after.put("channelNodeId", channelId);
            events.record(tx, who.accountId(), ObjectType.SUPPORT_SESSION, id, EventAction.CREATED, null, after,
                    caller.userId());
            return AdminOutcome.done(new SupportSessionCreated(id, SupportSessionStatus.WAITING.name(), null));
        });
    }

    /** What an action on a session was asked. */
    public enum Action {
        TRANSFER, START, HOLD, CLOSE, CANCEL_ACTION
    }

    /**
     * An action on session {@code id} through the Rescue methods' service; on success the session as it is
     * now. {@code body} is the transfer's or the start's ({@code technicianId}, {@code channelId}, {@code comment}).
     */
    public AdminOutcome<SupportSessionView> act(Credentials credentials, String siteKey, long id, Action action,
                                                SupportSessionAction body) {
        List<FieldError> errors = new ArrayList<>();
        Rules rules = new Rules(errors);
        String node = null;
        NodeRef ref = NodeRef.NODE;
        if (action == Action.TRANSFER || action == Action.START) {
            if (body == null) {
                rules.add("", "REQUIRED", "a body is mandatory.");
            } else if (action == Action.TRANSFER) {
                if ((body.technicianId() == null) == (body.channelId() == null)) {
                    rules.add("technicianId", "ONE_OF_TECHNICIAN_OR_CHANNEL",
                            "give exactly one of technicianId and channelId.");
                }
                rules.id("technicianId", body.technicianId());
                rules.id("channelId", body.channelId());
                rules.freeText("comment", body.comment(), TransferService.MAX_COMMENT_LENGTH);
                ref = body.channelId() != null ? NodeRef.CHANNEL : NodeRef.NODE;
                node = String.valueOf(body.channelId() != null ? body.channelId() : body.technicianId());
            } else {
                if (body.technicianId() == null) {
                    rules.add("technicianId", "REQUIRED", "technicianId is mandatory.");
                }
                rules.id("technicianId", body.technicianId());
                if (body.channelId() != null) {
                    rules.add("channelId", "NOT_ALLOWED", "a session is started by a technician, not a channel.");
                }
                if (body.comment() != null) {
                    rules.add("comment", "NOT_ALLOWED", "a start has no comment.");
                }
                node = String.valueOf(body.technicianId());
            }
        }
        AdminOutcome<AdminAccess.AccountCaller> admitted = access.admit(credentials, siteKey,
                AdminAccess.Need.ADMINISTRATOR);
        if (!(admitted instanceof AdminOutcome.Done<AdminAccess.AccountCaller> ok)) {
            return admitted.refusal();
        }
        if (!errors.isEmpty()) {
            return AdminOutcome.invalid(errors);
        }
        String session = Long.toString(id);
        RescueCode result = switch (action) {
            case TRANSFER -> transfers.transfer(credentials, new TransferRequest(session, node, ref.name(),
                    body.comment()));
            case START -> lifecycle.start(credentials, session, node);
            case HOLD -> lifecycle.hold(credentials, session);
            case CLOSE -> lifecycle.close(credentials, session);
            case CANCEL_ACTION -> lifecycle.cancelAction(credentials, session);
        };
        String field = action == Action.TRANSFER && ref == NodeRef.CHANNEL ? "channelId" : "technicianId";
        return switch (((Enum<?>) result).name()) {
            case "OK" -> db.inTransaction(s -> read(Tx.of(s), ok.value().caller(), ok.value().accountId(), id))
                    .<AdminOutcome<SupportSessionView>>map(AdminOutcome::done).orElseGet(AdminOutcome.NotFound::new);
            case "ERROR", "INVALID_PARAM_SESSION" -> new AdminOutcome.NotFound<>();
            case "ACTION_FAILED" -> conflict(result, switch (action) {
                case TRANSFER -> "the technician is offline or disabled, or the session is closed";
                case START -> "the technician's console is not running, or the session cannot be started from its status";
                case CANCEL_ACTION -> "no transfer of this session is pending";
                default -> "the session's status does not allow it";
            });
            case "INVALID_PARAM_NODE" -> AdminOutcome.invalid(List.of(new FieldError(field, result.httpCode(),
                    field + " is not a " + (field.equals("channelId") ? "channel" : "technician")
                            + " of the caller's folder list.")));
            case "USER_DELETED_OR_DISABLED" -> new AdminOutcome.Forbidden<>(result.httpCode(),
                    "the user is disabled or deleted");
            default -> new AdminOutcome.NotAuthenticated<>(); // the credentials stopped working since the gate
        };
    }

    private static <T> AdminOutcome<T> conflict(RescueCode code, String detail) {
        return new AdminOutcome.Conflict<>(code.httpCode(), detail);
    }
}
