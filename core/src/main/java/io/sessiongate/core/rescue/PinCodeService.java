package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Admission;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * requestPINCode and requestPINCode_v3: a technician (or an administrator for one of their
 * technicians) gets a 6-digit PIN code, unique among the installation's live PINs, for a new session
 * in {@code PIN_ISSUED}. One transaction: authenticate, check the parameters and the technician's
 * console, claim the user's second (the poll rate, in the database), draw PINs until one is free
 * (a few tries, then {@code OUTOFPINCODES}), insert the session and its event.
 */
public final class PinCodeService {

    /** How many random PINs are tried before OUTOFPINCODES. */
    static final int DRAWS = 10;

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final EventRecorder events;
    private final Clock clock;
    private final SupportSessionRepository sessions;
    private final PinRequestRepository rates;
    private final RandomGenerator pins;

    /** @param pins draws PIN codes ({@code nextInt(1_000_000)}): a {@code SecureRandom} outside tests */
    public PinCodeService(Database db, CallerAuthenticator authenticator, EventRecorder events, Clock clock,
                          SupportSessionRepository sessions, PinRequestRepository rates, RandomGenerator pins) {
        this.db = db;
        this.authenticator = authenticator;
        this.events = events;
        this.clock = clock;
        this.sessions = sessions;
        this.rates = rates;
        this.pins = pins;
    }

    /** The code, and the PIN and the new session's id when it is OK. */
    public record PinCode(RequestPinCodeResult result, String pinCode, Long sessionId) {
        static PinCode refused(RequestPinCodeResult result) {
            return new PinCode(result, null, null);
        }
    }

    public PinCode request(Credentials credentials, PinCodeRequest request) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.ANY_USER);
            if (admission instanceof Admission.Refused refused) {
                return PinCode.refused(switch (refused.refusal()) {
                    case INVALID_AUTH_CODE -> RequestPinCodeResult.INVALID_SECRET_AUTH_CODE;
                    case NOT_LOGGED_IN -> RequestPinCodeResult.NOT_LOGGED_IN;
                    case USER_DISABLED -> RequestPinCodeResult.USER_DELETED_OR_DISABLED;
                    case NOT_AN_ADMINISTRATOR, NOT_A_TECHNICIAN -> RequestPinCodeResult.NOT_TECHNICIAN;
                });
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            for (int i = 0; i < PinCodeRequest.MAX_FIELD_LENGTHS.size(); i++) {
                String field = request.customFields().get(i);
                if (field != null && field.length() > PinCodeRequest.MAX_FIELD_LENGTHS.get(i)) {
                    return PinCode.refused(RequestPinCodeResult.ERROR);
                }
            }
            if (request.tracking0() != null && request.tracking0().length() > PinCodeRequest.MAX_TRACKING_LENGTH) {
                return PinCode.refused(RequestPinCodeResult.ERROR);
            }
            Boolean noConsoleNeeded = RescueParams.bool(request.noTechConsole(), false);
            if (noConsoleNeeded == null) {
                return PinCode.refused(RequestPinCodeResult.ERROR);
            }
            Long technician = caller.techNodeId();
            if (request.nodeId() != null && !request.nodeId().isBlank()) {
                OptionalLong named = RescueParams.id(request.nodeId());
                if (named.isEmpty()) {
                    return PinCode.refused(RequestPinCodeResult.NOT_TECHNICIAN);
                }
                technician = named.getAsLong();
            }
            if (technician == null) {
                return PinCode.refused(RequestPinCodeResult.NOT_TECHNICIAN);
            }
            Tx tx = Tx.of(s);
            Instant now = clock.instant();
            SupportSessionRepository.Target target = sessions.targetAndSession(tx, technician, null).target();
            boolean self = Objects.equals(technician, caller.techNodeId());
            // Naming another technician is an administrator's right, over the technicians of their folder list.
            if (!self && (!caller.administrator() || target == null
                    || !Scope.mayTarget(caller, target.scope(), NodeRef.NODE))) {
                return PinCode.refused(RequestPinCodeResult.NOT_TECHNICIAN);
            }
            if (!noConsoleNeeded && !TransferService.canTakeSessions(target, now)) {
                return PinCode.refused(RequestPinCodeResult.NO_TECH_CONSOLE_RUNNING);
            }
            if (!rates.claim(tx, caller.userId(), now)) {
                return PinCode.refused(RequestPinCodeResult.POLL_RATE_EXCEEDED);
            }
            long id = sessions.nextId(tx);
            for (int draw = 0; draw < DRAWS; draw++) {
                String pin = String.format("%06d", pins.nextInt(1_000_000));
                if (sessions.issuePin(tx, id, caller.accountId(), technician, request.customFields(),
                        request.tracking0(), request.language(), pin, caller.userId(), now)) {
                    Map<String, Object> after = new HashMap<>();
                    after.put("status", SupportSessionStatus.PIN_ISSUED.name());
                    after.put("technicianNodeId", technician);
                    events.record(tx, caller.accountId(), ObjectType.SUPPORT_SESSION, id, EventAction.PIN_ISSUED,
                            Map.of(), after, caller.userId());
                    return new PinCode(RequestPinCodeResult.OK, pin, id);
                }
            }
            return PinCode.refused(RequestPinCodeResult.OUT_OF_PIN_CODES);
        });
    }
}
