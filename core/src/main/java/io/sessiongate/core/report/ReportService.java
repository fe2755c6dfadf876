package io.sessiongate.core.report;

import io.sessiongate.api.rescue.GetReportResult;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.api.rescue.ReportArea;
import io.sessiongate.api.rescue.ReportOutput;
import io.sessiongate.api.rescue.ReportSettingResult;
import io.sessiongate.core.Identifiers;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.DirectoryReads;
import io.sessiongate.core.rescue.NodeInScope;
import io.sessiongate.core.rescue.Scope;
import io.sessiongate.core.websession.Admission;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.core.websession.SecureTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * The Rescue API's reports. The setters (setReportArea_v8, setReportDate_v2, setReportTime,
 * setTimezone, setOutput, setDelimiter) each change one setting of the caller's web session, or of
 * their auth code, in the database: one transaction, and one event when a value really changes.
 * getReport_v2 decides, in one transaction, which technicians (or which channel) the report covers
 * within the caller's scope and claims the report against the poll limit; the report itself is read
 * afterwards, streamed ({@link PreparedReport}).
 */
public final class ReportService {

    /** The vendor's rate: one report per 60 seconds (the same report; others are served meanwhile). */
    public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofSeconds(60);
    /** Settings of a web session idle this long are purged (its own time-out is 20 minutes). */
    static final Duration SETTINGS_IDLE = Duration.ofDays(1);

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final EventRecorder events;
    private final Clock clock;
    private final DirectoryReads directory;
    private final ReportSettingsRepository settings;
    private final ReportRequestRepository requests;
    private final ReportQueries queries;
    private final Duration repeatWindow;

    public ReportService(Database db, CallerAuthenticator authenticator, EventRecorder events, Clock clock,
                         DirectoryReads directory, ReportSettingsRepository settings, ReportRequestRepository requests,
                         ReportQueries queries, Duration repeatWindow) {
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("the report repeat window cannot be negative");
        }
        this.db = db;
        this.authenticator = authenticator;
        this.events = events;
        this.clock = clock;
        this.directory = directory;
        this.settings = settings;
        this.requests = requests;
        this.queries = queries;
        this.repeatWindow = repeatWindow;
    }

    /** How long the same report is refused after it was served. */
    public Duration repeatWindow() {
        return repeatWindow;
    }

    /** setReportArea_v8: {@code 0} (Session), {@code 7} or {@code 16} (Transferred sessions), or their names. */
    public ReportSettingResult setArea(Credentials credentials, String area) {
        return change(credentials, current -> ReportArea.parse(area).map(current::withArea)
                .<Edit>map(Edit.Changed::new).orElse(new Edit.Refused(ReportSettingResult.INVALID_PARAM_AREA)));
    }

    /** setReportDate_v2: the first and the last second reported, in the report's time zone; the end not before the beginning. */
    public ReportSettingResult setDates(Credentials credentials, String begin, String end) {
        return change(credentials, current -> {
            Optional<LocalDateTime> b = ReportParams.dateTime(begin, false, current.zone());
            Optional<LocalDateTime> e = ReportParams.dateTime(end, true, current.zone());
            if (b.isEmpty() || e.isEmpty()) {
                return new Edit.Refused(ReportSettingResult.INVALID_FORMAT);
            }
            if (e.get().isBefore(b.get())) {
                return new Edit.Refused(ReportSettingResult.INVALID_DATE_RANGE);
            }
            return new Edit.Changed(current.withDates(b.get(), e.get()));
        });
    }

    /** setReportTime: the part of each day reported, e.g. {@code 8:00} to {@code 17:00}. */
    public ReportSettingResult setTimes(Credentials credentials, String begin, String end) {
        return change(credentials, current -> {
            Optional<LocalTime> b = ReportParams.timeOfDay(begin);
            Optional<LocalTime> e = ReportParams.timeOfDay(end);
            return b.isEmpty() || e.isEmpty() ? new Edit.Refused(ReportSettingResult.INVALID_FORMAT)
                    : new Edit.Changed(current.withTimes(b.get(), e.get()));
        });
    }

    /** setTimezone: minutes from UTC ({@code -240} is UTC-4). */
    public ReportSettingResult setTimezone(Credentials credentials, String minutes) {
        return change(credentials, current -> {
            OptionalInt tz = ReportParams.timezone(minutes);
            return tz.isEmpty() ? new Edit.Refused(ReportSettingResult.INVALID_FORMAT)
                    : new Edit.Changed(current.withTimezone(tz.getAsInt()));
        });
    }

    /** setOutput: {@code TEXT} or {@code XML}, in any case. */
    public ReportSettingResult setOutput(Credentials credentials, String output) {
        return change(credentials, current -> ReportOutput.parse(output).map(current::withOutput)
                .<Edit>map(Edit.Changed::new).orElse(new Edit.Refused(ReportSettingResult.INVALID_FORMAT)));
    }

    /** setDelimiter: the TEXT output's delimiter, 1 to 8 characters. */
    public ReportSettingResult setDelimiter(Credentials credentials, String delimiter) {
        return change(credentials, current -> ReportParams.delimiter(delimiter).map(current::withDelimiter)
                .<Edit>map(Edit.Changed::new).orElse(new Edit.Refused(ReportSettingResult.INVALID_FORMAT)));
    }

    /** The caller's settings as they stand (the defaults when they set nothing); empty when not admitted. */
    public Optional<ReportSettings> settings(Credentials credentials) {
        return db.inTransaction(s -> {
            if (!(authenticator.admit(s, credentials, Admission.Policy.ANY_USER) instanceof Admission.Admitted a)) {
                return Optional.empty();
            }
            return Optional.of(settings.find(Tx.of(s), owner(a.caller(), credentials))
                    .orElse(ReportSettings.DEFAULTS));
        });
    }

    /** getReport_v2's answer: its code, and the report to write when it is OK. */
    public record ReportRequest(GetReportResult result, PreparedReport report) {
        static ReportRequest refused(GetReportResult result) {
            return new ReportRequest(result, null);
        }
    }

    /**
     * getReport_v2: the report the caller's settings describe, for technician {@code node} (or every
     * technician beneath a group, at any depth) with {@code NODE}, or for channel {@code node} with
     * {@code CHANNEL}, within the caller's folder list; refused when the same report was served to the
     * same user less than {@link #repeatWindow()} ago.
     */
    public ReportRequest report(Credentials credentials, String nodeRaw, String nodeTypeRaw) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.ANY_USER);
            if (admission instanceof Admission.Refused r) {
                return ReportRequest.refused(r.refusal().rescueCode(GetReportResult.INVALID_SECRET_AUTH_CODE,
                        GetReportResult.NOT_LOGGED_IN, GetReportResult.USER_DELETED_OR_DISABLED));
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            Tx tx = Tx.of(s);
            Optional<NodeRef> nodeType = nodeTypeRaw == null || nodeTypeRaw.isBlank() ? Optional.of(NodeRef.NODE)
                    : NodeRef.parse(nodeTypeRaw);
            if (!(Identifiers.parse(nodeRaw) instanceof Identifiers.Parsed.Id node) || nodeType.isEmpty()) {
                return ReportRequest.refused(GetReportResult.INVALID_PARAM_NODE);
            }
            Optional<List<Long>> technicians = Optional.of(List.of());
            if (nodeType.get() == NodeRef.NODE) {
                technicians = techniciansBeneath(tx, caller, node.value());
            } else if (!Scope.mayTarget(caller, directory.node(tx, node.value()).orElse(null), NodeRef.CHANNEL)) {
                technicians = Optional.empty();
            }
            if (technicians.isEmpty()) {
                return ReportRequest.refused(GetReportResult.INVALID_PARAM_NODE);
            }
            Instant now = clock.instant();
            ReportSettings chosen = settings.find(tx, owner(caller, credentials)).orElse(ReportSettings.DEFAULTS);
            ReportSettings.Period period = chosen.period(now);
            String key = SecureTokens.hash(chosen.area().id() + "|" + nodeType.get() + "|" + node.value() + "|"
                    + period.begin() + "|" + period.end());
            if (!requests.claim(tx, caller.userId(), key, now, repeatWindow)) {
                return ReportRequest.refused(GetReportResult.POLL_RATE_EXCEEDED);
            }
            ReportPlan plan = new ReportPlan(caller.accountId(), nodeType.get(), technicians.get(),
                    nodeType.get() == NodeRef.CHANNEL ? node.value() : null, chosen, period, now);
            return new ReportRequest(GetReportResult.OK, new PreparedReport(db, queries, plan));
        });
    }

    /**
     * The technicians a {@code NODE} report on {@code nodeId} covers: the technician itself, or every
     * technician beneath the node (a group, or any node with children) whose group the caller may act
     * in, by the one scope policy. Empty (a node that reads as missing) when the node is not of the
     * caller's account, is a channel, or reaches nothing of the caller's folder list.
     */
    private Optional<List<Long>> techniciansBeneath(Tx tx, Caller caller, long nodeId) {
        List<ReportQueries.TreeNode> tree = queries.subtree(tx, caller.accountId(), nodeId);
        ReportQueries.TreeNode top = tree.stream().filter(n -> n.id() == nodeId).findFirst().orElse(null);
        if (top == null || top.kind() == NodeKind.CHANNEL) {
            return Optional.empty();
        }
        List<Long> technicians = new ArrayList<>();
        boolean reaches = false;
        for (ReportQueries.TreeNode n : tree) {
            reaches |= caller.mayActIn(n.id());
            if (n.kind() == NodeKind.TECHNICIAN && Scope.mayTarget(caller,
                    new NodeInScope(n.kind(), caller.accountId(), n.parentId(), Set.of()), NodeRef.NODE)) {
                technicians.add(n.id());
                reaches = true;
            }
        }
        return reaches ? Optional.of(technicians) : Optional.empty();
    }

    /** Forgets what can no longer matter: expired poll claims, settings of ended logins and replaced codes. */
    public int purge() {
        return db.inTransaction(s -> {
            Instant now = clock.instant();
            Tx tx = Tx.of(s);
            return requests.purge(tx, now.minus(repeatWindow)) + settings.purge(tx, now, SETTINGS_IDLE);
        });
    }

    /** What a setter makes of the current settings: new ones, or a refusal. */
    private sealed interface Edit {
        record Changed(ReportSettings settings) implements Edit {
        }

        record Refused(ReportSettingResult result) implements Edit {
        }
    }

    private ReportSettingResult change(Credentials credentials, Function<ReportSettings, Edit> edit) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.ANY_USER);
            if (admission instanceof Admission.Refused r) {
                return r.refusal().rescueCode(ReportSettingResult.INVALID_SECRET_AUTH_CODE,
                        ReportSettingResult.NOT_LOGGED_IN, ReportSettingResult.USER_DELETED_OR_DISABLED);
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            Tx tx = Tx.of(s);
            ReportSettingsRepository.Owner owner = owner(caller, credentials);
            ReportSettings current = settings.find(tx, owner).orElse(ReportSettings.DEFAULTS);
            Edit result = edit.apply(current);
            if (result instanceof Edit.Refused refused) {
                return refused.result();
            }
            ReportSettings next = ((Edit.Changed) result).settings();
            if (next.equals(current)) {
                return ReportSettingResult.OK; // nothing changes: nothing to write or record
            }
            settings.save(tx, owner, caller.accountId(), caller.userId(), next, clock.instant());
            Map<String, String> before = new LinkedHashMap<>();
            Map<String, String> after = new LinkedHashMap<>();
            Map<String, String> was = current.describe();
            next.describe().forEach((k, v) -> {
                if (!java.util.Objects.equals(was.get(k), v)) {
                    before.put(k, was.get(k));
                    after.put(k, v);
                }
            });
            events.record(tx, caller.accountId(), owner.webSessionId() != null ? ObjectType.WEB_SESSION : ObjectType.USER,
                    owner.webSessionId() != null ? owner.webSessionId() : caller.userId(),
                    EventAction.REPORT_SETTINGS_CHANGED, before, after, caller.userId());
            return ReportSettingResult.OK;
        });
    }

    /** The settings' owner: the caller's web session, or (called with an auth code) the code itself. */
    private static ReportSettingsRepository.Owner owner(Caller caller, Credentials credentials) {
        return caller.webSessionId() != null ? new ReportSettingsRepository.Owner(caller.webSessionId(), null)
                : new ReportSettingsRepository.Owner(null, SecureTokens.hash(credentials.authCode().trim()));
    }
}
