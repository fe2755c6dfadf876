package io.sessiongate.core.admin;

import io.sessiongate.api.admin.EventView;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.core.event.EventRepository;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Credentials;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The account's audit trail, oldest first, read by keyset (the event id) so that a reader can follow
 * it as it grows: every change the services recorded ({@code EventRecorder}), filtered by object.
 * For a master administrator or an API token: it shows every folder of the account. One exception:
 * the events of one support session ({@code objectType=SUPPORT_SESSION} with its {@code objectId}) are
 * for any administrator who may see that session ({@code Scope}, as the session's own read decides),
 * so that the admin page shows a folder administrator the history of the sessions they act on.
 */
public final class AuditTrail {

    private final AdminAccess access;
    private final SupportSessionAdministration sessions;
    private final EventRepository events;

    public AuditTrail(AdminAccess access, SupportSessionAdministration sessions, EventRepository events) {
        this.access = access;
        this.sessions = sessions;
        this.events = events;
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
            List<EventView> rows = events.page(Tx.of(s), who.accountId(), objectType, objectId, page.afterId(),
                    page.limit() + 1);
            return AdminOutcome.done(Slice.of(rows, page.limit(), EventView::id));
        });
    }
}
