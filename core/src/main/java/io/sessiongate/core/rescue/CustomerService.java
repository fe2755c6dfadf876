package io.sessiongate.core.rescue;

import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.SecureTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The customer's side of a support session (what the vendor's applet does): join by PIN code or
 * through a channel, getting a token good for that one session and nothing else; look at it; leave
 * it. No user is logged in: the PIN code, or the channel's id, is the only credential of the join,
 * and the token the only one afterwards. Each call is one transaction; each change records one
 * event (by no user) under the session's version, and the status it leads to is asked of
 * {@link SessionLifecycle}. Wrong PIN codes are limited by {@link PinAttempts}.
 */
public final class CustomerService {

    private static final int ATTEMPTS = 5;
    /** A customer token: {@code [a-z0-9]}, about 248 bits, like a login cookie. */
    public static final int TOKEN_LENGTH = SecureTokens.COOKIE_TOKEN_LENGTH;
    private static final Pattern PIN = Pattern.compile("[0-9]{6}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");
    private static final int MAX_LANGUAGE = 16;

    private final Database db;
    private final EventRecorder events;
    private final Clock clock;
    private final SupportSessionRepository sessions;
    private final DirectoryReads directory;
    private final PinAttempts attempts;

    public CustomerService(Database db, EventRecorder events, Clock clock, SupportSessionRepository sessions,
                           DirectoryReads directory, PinAttempts attempts) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.sessions = sessions;
        this.directory = directory;
        this.attempts = attempts;
    }

    /**
     * What the customer sent: a PIN code or a channel's id (exactly one); their name (custom field
     * 0; needed to enter a channel); through a channel also custom fields 1..5 ({@code customFields}
     * by the vendor's index, entry 0 unused: the name is field 0) and a language.
     */
    public record JoinRequest(String pinCode, Long channelId, String name, List<String> customFields,
                              String language) {
    }

    /** One broken rule of a join request. */
    public record Violation(String field, String code, String message) {
    }

    /** What a join came to. */
    public sealed interface Join {
        /** The customer is in: {@code token} is shown to them once and stored only as its hash. */
        record Joined(long sessionId, SupportSessionStatus status, String token) implements Join {
        }

        /** No live session has this PIN code: wrong, expired or used, alike. */
        record WrongPin() implements Join {
        }

        /** Too many wrong PIN codes from this address, or of this code: not checked, not counted. */
        record TooManyTries(Duration retryAfter) implements Join {
        }

        /** No channel by that id that a technician group serves. */
        record NoSuchChannel() implements Join {
        }

        /** The request breaks the rules below, every broken one listed; nothing was read or written. */
        record Invalid(List<Violation> violations) implements Join {
        }
    }

    /** The session a customer token opens, as its customer sees it. */
    public record CustomerView(long sessionId, SupportSessionStatus status, String technicianName,
                               Duration waiting) {
    }

    /** What leaving came to. */
    public sealed interface Leave {
        record Left(CustomerView session) implements Leave {
        }

        /** The session is over already (closed, timed out). */
        record AlreadyOver(CustomerView session) implements Leave {
        }

        /** No session has this token. */
        record UnknownToken() implements Leave {
        }
    }

    /** The customer enters a PIN code or a channel: from {@code clientAddress}, for the wrong-PIN limit. */
    public Join join(JoinRequest request, String clientAddress) {
        List<Violation> broken = validate(request);
        if (!broken.isEmpty()) {
            return new Join.Invalid(broken);
        }
        return request.pinCode() != null ? byPin(request.pinCode(), blankToNull(request.name()), clientAddress)
                : byChannel(request);
    }

    private Join byPin(String pin, String name, String clientAddress) {
        PinAttempts.Keys keys = PinAttempts.keys(clientAddress, pin);
        return db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            Instant now = clock.instant();
            Optional<Instant> wait = attempts.peek(tx, keys, now);
            if (wait.isEmpty()) {
                wait = attempts.lock(tx, keys, now);
            }
            if (wait.isPresent()) {
                return new Join.TooManyTries(Duration.between(now, wait.get()));
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<SupportSessionRepository.PinSession> found = sessions.byPin(tx, pin);
                Optional<SupportSessionStatus> next = found.filter(p -> p.pinExpiresAt() == null
                                || now.isBefore(p.pinExpiresAt()))
                        .flatMap(p -> SessionLifecycle.next(p.status(), SessionLifecycle.Change.JOIN, null));
                if (next.isEmpty()) {
                    attempts.failed(tx, keys, now);
                    return new Join.WrongPin();
                }
                SupportSessionRepository.PinSession session = found.get();
                String token = SecureTokens.random(TOKEN_LENGTH);
                if (sessions.joinByPin(tx, session, next.get(), SecureTokens.hash(token), name, now)) {
                    events.record(tx, session.accountId(), ObjectType.SUPPORT_SESSION, session.id(), EventAction.JOINED,
                            state(session.status(), session.technicianNodeId(), null),
                            state(next.get(), session.technicianNodeId(), null), null);
                    return new Join.Joined(session.id(), next.get(), token);
                }
                // Changed since it was read (the same PIN entered twice at once, or the sweeper): decide again.
            }
            attempts.failed(tx, keys, now);
            return new Join.WrongPin();
        });
    }

    private Join byChannel(JoinRequest request) {
        long channelId = request.channelId();
        return db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            Optional<NodeInScope> channel = directory.node(tx, channelId);
            if (channel.isEmpty() || channel.get().kind() != NodeKind.CHANNEL || !channel.get().isEnabled()
                    || channel.get().channelGroupIds().isEmpty()) {
                return new Join.NoSuchChannel();
            }
            Instant now = clock.instant();
            List<String> fields = new ArrayList<>(Arrays.asList(new String[6]));
            if (request.customFields() != null) {
                for (int i = 1; i < request.customFields().size(); i++) {
                    fields.set(i, blankToNull(request.customFields().get(i)));
                }
            }
            fields.set(0, request.name().trim());
            String language = request.language() == null || request.language().isBlank() ? "en"
                    : request.language().trim();
            long id = sessions.nextId(tx);
            String token = SecureTokens.random(TOKEN_LENGTH);
            sessions.insertWaiting(tx, id, channel.get().accountId(), channelId, fields, null, language, null,
                    SecureTokens.hash(token), now);
            events.record(tx, channel.get().accountId(), ObjectType.SUPPORT_SESSION, id, EventAction.JOINED, Map.of(),
                    state(SupportSessionStatus.WAITING, null, channelId), null);
            return new Join.Joined(id, SupportSessionStatus.WAITING, token);
        });
    }

    /** The session {@code token} opens; empty for a token no session has. */
    public Optional<CustomerView> current(String token) {
        if (!SecureTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        String hash = SecureTokens.hash(token);
        return db.inTransaction(s -> sessions.byCustomerToken(Tx.of(s), hash).map(c -> view(c, clock.instant())));
    }

    /**
     * The customer leaves: {@code CLOSED_BY_WAITING_CUSTOMER} while it was never picked up (Waiting,
     * Transferring), {@code CLOSED_BY_CUSTOMER} once it was (Active, On Hold), as {@link
     * SessionLifecycle} says; one event.
     */
    public Leave leave(String token) {
        if (!SecureTokens.looksLikeToken(token)) {
            return new Leave.UnknownToken();
        }
        String hash = SecureTokens.hash(token);
        return db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Instant now = clock.instant();
                Optional<SupportSessionRepository.CustomerSession> found = sessions.byCustomerToken(tx, hash);
                if (found.isEmpty()) {
                    return new Leave.UnknownToken();
                }
                SupportSessionRepository.CustomerSession c = found.get();
                Optional<SupportSessionStatus> next = SessionLifecycle.next(c.status(),
                        SessionLifecycle.Change.CUSTOMER_LEAVE, c.beforeTransfer());
                if (next.isEmpty()) {
                    return new Leave.AlreadyOver(view(c, now));
                }
                SupportSessionRepository.Change change = new SupportSessionRepository.Change(next.get(),
                        c.technicianNodeId(), c.channelNodeId(), c.pickedUpByNodeId(), c.pickedUpAt(), now, false);
                if (sessions.change(tx, c.id(), c.version(), change, now)) {
                    events.record(tx, c.accountId(), ObjectType.SUPPORT_SESSION, c.id(), EventAction.LEFT,
                            state(c.status(), c.technicianNodeId(), c.channelNodeId()),
                            state(next.get(), c.technicianNodeId(), c.channelNodeId()), null);
                    return new Leave.Left(new CustomerView(c.id(), next.get(), c.technicianName(), null));
                }
            }
            throw new io.sessiongate.core.persistence.DataAccessException.StaleUpdate(
                    "support session changed " + ATTEMPTS + " times while its customer left", null);
        });
    }

    /** Forgets wrong-PIN counts whose window has passed; run periodically. */
    public int purgeExpiredAttempts() {
        return db.inTransaction(s -> attempts.purge(Tx.of(s), clock.instant()));
    }

    private static CustomerView view(SupportSessionRepository.CustomerSession c, Instant now) {
        boolean waiting = c.status() == SupportSessionStatus.WAITING || c.status() == SupportSessionStatus.TRANSFERRING;
        boolean withTechnician = c.status() == SupportSessionStatus.ACTIVE || c.status() == SupportSessionStatus.ON_HOLD;
        Duration waited = Duration.between(c.statusChangedAt(), now);
        return new CustomerView(c.id(), c.status(), withTechnician ? c.technicianName() : null,
                waiting ? (waited.isNegative() ? Duration.ZERO : waited) : null);
    }

    private static Map<String, Object> state(SupportSessionStatus status, Long technician, Long channel) {
        Map<String, Object> state = new HashMap<>();
        state.put("status", status.name());
        state.put("technicianNodeId", technician);
        state.put("channelNodeId", channel);
        return state;
    }

    /** Every broken rule of {@code r}, checked without the database. */
    static List<Violation> validate(JoinRequest r) {
        List<Violation> broken = new ArrayList<>();
        boolean byPin = r.pinCode() != null;
        if (byPin == (r.channelId() != null)) {
            broken.add(new Violation(byPin ? "channelId" : "pinCode", "PIN_OR_CHANNEL",
                    "send either pinCode or channelId, not both and not neither"));
            return broken;
        }
        String name = blankToNull(r.name());
        if (name != null && name.length() > PinCodeRequest.MAX_FIELD_LENGTHS.get(0)) {
            broken.add(new Violation("name", "TOO_LONG",
                    "at most " + PinCodeRequest.MAX_FIELD_LENGTHS.get(0) + " characters"));
        }
        if (byPin) {
            if (!PIN.matcher(r.pinCode()).matches()) {
                broken.add(new Violation("pinCode", "PIN_FORMAT", "a PIN code is six digits"));
            }
            if (r.customFields() != null) {
                broken.add(new Violation("customFields", "NOT_WITH_PIN",
                        "the technician set the custom fields when asking for the PIN code"));
            }
            if (r.language() != null) {
                broken.add(new Violation("language", "NOT_WITH_PIN",
                        "the technician set the language when asking for the PIN code"));
            }
            return broken;
        }
        if (r.channelId() <= 0) {
            broken.add(new Violation("channelId", "INVALID", "a channel's id is a positive number"));
        }
        if (name == null) {
            broken.add(new Violation("name", "MISSING", "say your name to enter a channel's queue"));
        }
        List<String> fields = r.customFields();
        if (fields != null) {
            if (fields.size() > PinCodeRequest.MAX_FIELD_LENGTHS.size()) {
                broken.add(new Violation("customFields", "TOO_MANY", "custom fields 0 to 5 at most"));
            } else {
                if (!fields.isEmpty() && fields.get(0) != null) {
                    broken.add(new Violation("customFields[0]", "USE_NAME", "custom field 0 is the name: send it as name"));
                }
                for (int i = 1; i < fields.size(); i++) {
                    String f = fields.get(i);
                    if (f != null && f.length() > PinCodeRequest.MAX_FIELD_LENGTHS.get(i)) {
                        broken.add(new Violation("customFields[" + i + "]", "TOO_LONG",
                                "at most " + PinCodeRequest.MAX_FIELD_LENGTHS.get(i) + " characters"));
                    }
                }
            }
        }
        String language = r.language();
        if (language != null && !language.isBlank()
                && (language.trim().length() > MAX_LANGUAGE || !LANGUAGE.matcher(language.trim()).matches())) {
            broken.add(new Violation("language", "INVALID", "a language tag such as en or pt-BR, up to "
                    + MAX_LANGUAGE + " characters"));
        }
        return broken;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
