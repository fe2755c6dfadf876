package io.sessiongate.core.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongate.api.admin.EventView;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The account's audit trail, oldest first, read by keyset (the event id) so that a reader can follow
 * it as it grows: every change the services recorded ({@code EventRecorder}), filtered by object.
 * For a master administrator or an API token: it shows every folder of the account. One exception:
 * the events of one support session ({@code objectType=SUPPORT_SESSION} with its {@code objectId}) are
 * for any administrator who may see that session ({@code Scope}, as the session's own read decides),
 * so that the admin page shows a folder administrator the history of the sessions they act on.
 */
public final class AuditTrail {

    private static final String SELECT = """
            SELECT id, object_type, object_id, action, before_state, after_state, by_user_id, occurred_at FROM event
            WHERE account_id = :account AND id > :after {filter} ORDER BY id LIMIT :limit""";
    private static final NativeSql ALL = NativeSql.of(SELECT.replace("{filter}", ""));
    private static final NativeSql OF_TYPE = NativeSql.of(SELECT.replace("{filter}", "AND object_type = :type"));
    private static final NativeSql OF_OBJECT = NativeSql.of(SELECT.replace("{filter}",
            "AND object_type = :type AND object_id = :object"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final AdminAccess access;
    private final SupportSessionAdministration sessions;

    public AuditTrail(Database db, AdminAccess access, SupportSessionAdministration sessions) {
        this.db = db;
        this.access = access;
        this.sessions = sessions;
    }

    /**
     * Events after {@code page.afterId()}, of {@code objectType} (and {@code objectId}) when given;
     * {@code parseErrors} are the API's own, reported with these rules' ({@code page} null when any).
     */
    public AdminOutcome<Slice<EventView>> list(Credentials credentials, String siteKey, String objectType,
                                               Long objectId, PageQuery page, List<FieldError> parseErrors) {
        List<FieldError> errors = new ArrayList<>(parseErrors);
        Rules rules = new Rules(errors);
        if (objectType != null && Arrays.stream(ObjectType.values()).noneMatch(t -> t.name().equals(objectType))) {
            rules.add("objectType", "INVALID_OBJECT_TYPE", "objectType must be one of "
                    + Arrays.toString(ObjectType.values()) + ".");
        }
        if (objectId != null && objectType == null) {
            rules.add("objectId", "OBJECT_TYPE_REQUIRED", "objectId needs objectType.");
        }
        rules.id("objectId", objectId);
        boolean oneSession = ObjectType.SUPPORT_SESSION.name().equals(objectType) && objectId != null && objectId > 0;
        AdminAccess.Need need = oneSession ? AdminAccess.Need.ADMINISTRATOR : AdminAccess.Need.WHOLE_ACCOUNT;
        return access.inTransaction(credentials, siteKey, need, (s, who) -> {
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            if (oneSession && !who.caller().wholeAccount()
                    && !sessions.visible(Tx.of(s), who.caller(), who.accountId(), objectId)) {
                return new AdminOutcome.NotFound<>(); // not in their folder list: as if it did not exist
            }
            Tx tx = Tx.of(s);
            NativeSql.Run run = objectType == null ? ALL.on(tx)
                    : objectId == null ? OF_TYPE.on(tx).set("type", objectType)
                    : OF_OBJECT.on(tx).set("type", objectType).set("object", objectId);
            List<EventView> rows = run.set("account", who.accountId()).set("after", page.afterId())
                    .set("limit", page.limit() + 1)
                    .list(r -> new EventView(r.getLong("id"), r.getString("object_type"), r.getLong("object_id"),
                            r.getString("action"), state(r.getString("before_state")),
                            state(r.getString("after_state")), r.getLong("by_user_id"), r.getInstant("occurred_at")));
            return AdminOutcome.done(Slice.of(rows, page.limit(), EventView::id));
        });
    }

    private static Map<String, Object> state(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("an event's state is not JSON", e);
        }
    }
}
