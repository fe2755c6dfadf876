package io.sessiongate.bench;

import io.sessiongate.api.admin.EventView;
import io.sessiongate.core.admin.AuditTrail;
import io.sessiongate.core.admin.SupportSessionAdministration;
import io.sessiongate.core.persistence.NativeSql;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Map;

/**
 * The server's own statements and row mappings that no repository method offers (the administration
 * API's page queries, the account look-up of its gate), read by reflection from the classes that
 * hold them, so that the database ceiling runs exactly the server's SQL. A rename in core fails
 * {@code BenchPartsTest} rather than a bench run.
 */
final class ServerStatements {

    private static final Method SESSION_ROW = method(SupportSessionAdministration.class, "row", NativeSql.Row.class);
    private static final Method EVENT_STATE = method(AuditTrail.class, "state", String.class);

    private ServerStatements() {
    }

    /** A {@code private static final NativeSql} of {@code owner}. */
    static NativeSql constant(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return (NativeSql) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(owner.getSimpleName() + "." + name + " is gone: update the bench", e);
        }
    }

    /**
     * The support-session list's page statement for a filter mask (1 status, 2 technician, 4 channel), as
     * SupportSessionAdministration builds it in its constructor (which only keeps its collaborators).
     */
    @SuppressWarnings("unchecked")
    static NativeSql sessionPage(int mask) {
        try {
            SupportSessionAdministration admin = new SupportSessionAdministration(null, null, null, null, null, null,
                    null, null);
            Field f = SupportSessionAdministration.class.getDeclaredField("pages");
            f.setAccessible(true);
            return ((Map<String, NativeSql>) f.get(admin)).get(Integer.toString(mask));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SupportSessionAdministration.pages is gone: update the bench", e);
        }
    }

    /** A row of the sessions page, mapped by the server's own mapping. */
    static Object sessionRow(NativeSql.Row r) throws SQLException {
        return invoke(SESSION_ROW, r);
    }

    /** A row of the events page, mapped as AuditTrail maps it (its states parsed from JSON). */
    static Object eventRow(NativeSql.Row r) throws SQLException {
        @SuppressWarnings("unchecked") Map<String, Object> before = (Map<String, Object>) invoke(EVENT_STATE,
                r.getString("before_state"));
        @SuppressWarnings("unchecked") Map<String, Object> after = (Map<String, Object>) invoke(EVENT_STATE,
                r.getString("after_state"));
        return new EventView(r.getLong("id"), r.getString("object_type"), r.getLong("object_id"),
                r.getString("action"), before, after, r.getLong("by_user_id"), r.getInstant("occurred_at"));
    }

    private static Method method(Class<?> owner, String name, Class<?>... parameters) {
        try {
            Method m = owner.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(owner.getSimpleName() + "." + name + " is gone: update the bench", e);
        }
    }

    private static Object invoke(Method m, Object argument) throws SQLException {
        try {
            return m.invoke(null, argument);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
