package io.sessiongate.bench;

import io.sessiongate.core.websession.ApiTokenRepository;
import io.sessiongate.core.websession.SecureTokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's data, written straight over JDBC in multi-row inserts: one account whose
 * administrators act on every group, technicians spread over groups (all beneath the Technicians organisation node) and
 * all Online, channels, support sessions waiting in the channels, and web sessions: the callers'
 * (administrators') and the targets of Session.Update. For the reports, as many closed sessions as
 * waiting ones, spread over the last day, each with its times, one transfer (from a channel to a
 * technician) and the event that ended the transfer. For the start operation, each technician's own
 * session On Hold; an auth code per technician (requestPINCode); an account API token (the lists).
 * Every secret is derived from an index so that the load scripts can name them.
 */
record Dataset(int supportSessions, int technicians, int webSessions, int callers) {

    static final String SITE = "bench";
    static final int GROUPS = 20;
    static final int CHANNELS = 20;
    static final long GROUP_BASE = 10_000;
    static final long CHANNEL_BASE = 20_000;
    static final long ADMIN_NODE = 30_000;
    /** The root and the organisation nodes every account has (V6): root, master administrators, administrators, technicians. */
    static final long ROOT_NODE = 9_000;
    static final long TECHNICIANS_NODE = ROOT_NODE + 3;
    static final long TECH_BASE = 100_000;
    static final long SESSION_BASE = 10_000_000;
    /** The closed sessions the reports read. */
    static final long HISTORY_BASE = 50_000_000;
    /** Each technician's own session, On Hold, that the start operation starts and holds in turn. */
    static final long START_BASE = 40_000_000;

    static Dataset ofSize(String size) {
        return switch (size) {
            case "default" -> new Dataset(10_000, 1_000, 10_000, 200);
            case "large" -> new Dataset(1_000_000, 1_000, 100_000, 200);
            default -> throw new IllegalArgumentException("--size is default or large");
        };
    }

    /** The cookie of caller {@code i}: a valid-looking {@code [a-z0-9]} token only the bench knows. */
    static String cookie(int i) {
        return token("c", i, SecureTokens.COOKIE_TOKEN_LENGTH);
    }

    /** The auth code of the bench administrator. */
    static String authCode() {
        return token("a", 0, SecureTokens.AUTH_CODE_LENGTH);
    }

    /** The auth code of technician {@code i}: requestPINCode is the technician's own call. */
    static String technicianAuthCode(int i) {
        return token("p", i, SecureTokens.AUTH_CODE_LENGTH);
    }

    /** The account's API token (of the bench administrator), for the administration API's lists. */
    static String apiToken() {
        return ApiTokenRepository.PREFIX + token("k", 0, SecureTokens.COOKIE_TOKEN_LENGTH);
    }

    private static String token(String kind, int i, int length) {
        String s = kind + "bench" + i + "x";
        StringBuilder b = new StringBuilder(s);
        while (b.length() < length) {
            b.append('0');
        }
        return b.toString();
    }

    long techNode(int i) {
        return TECH_BASE + i;
    }

    long session(int i) {
        return SESSION_BASE + i;
    }

    /** Technician {@code i}'s own session of the start operation. */
    long startSession(int i) {
        return START_BASE + i;
    }

    /**
     * Puts every start session back On Hold, as seeded, so that a run of the start operation (which
     * starts each, then holds it, in turn) finds them all startable whatever the last run left.
     */
    void resetStartSessions(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE support_session SET status = 'ON_HOLD', version = version + 1 WHERE id BETWEEN "
                    + START_BASE + " AND " + (START_BASE + technicians - 1) + " AND status <> 'ON_HOLD'");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** Web sessions 1..callers are the callers'; the rest are Session.Update targets. */
    long firstTargetWebSession() {
        return callers + 1;
    }

    void seed(Connection c) throws SQLException {
        c.setAutoCommit(false);
        String ts = "'" + java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString().replace('T', ' ')
                + "'";
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO account (id, site_key, name, created_at) VALUES (1, '" + SITE
                    + "', 'Bench', " + ts + ")");
            StringBuilder nodes = new StringBuilder();
            append(nodes, "(" + ROOT_NODE + ",1,'ROOT',NULL,'Bench'," + ts + ")");
            append(nodes, "(" + (ROOT_NODE + 1) + ",1,'MASTER_ADMINISTRATORS'," + ROOT_NODE + ",'Master Administrators',"
                    + ts + ")");
            append(nodes, "(" + (ROOT_NODE + 2) + ",1,'ADMINISTRATORS'," + ROOT_NODE + ",'Administrators'," + ts + ")");
            append(nodes, "(" + TECHNICIANS_NODE + ",1,'TECHNICIANS'," + ROOT_NODE + ",'Technicians'," + ts + ")");
            for (int g = 0; g < GROUPS; g++) {
                append(nodes, "(" + (GROUP_BASE + g) + ",1,'TECHNICIAN_GROUP'," + TECHNICIANS_NODE + ",'Group " + g + "',"
                        + ts + ")");
            }
            append(nodes, "(" + (GROUP_BASE + GROUPS) + ",1,'ADMINISTRATOR_GROUP'," + (ROOT_NODE + 2) + ",'Admins',"
                    + ts + ")");
            append(nodes, "(" + ADMIN_NODE + ",1,'ADMINISTRATOR'," + (GROUP_BASE + GROUPS) + ",'Admin'," + ts + ")");
            for (int ch = 0; ch < CHANNELS; ch++) {
                append(nodes, "(" + (CHANNEL_BASE + ch) + ",1,'CHANNEL'," + ROOT_NODE + ",'Channel " + ch + "'," + ts
                        + ")");
            }
            s.executeUpdate("INSERT INTO node (id, account_id, kind, parent_id, name, created_at) VALUES " + nodes);
            StringBuilder assign = new StringBuilder();
            for (int ch = 0; ch < CHANNELS; ch++) {
                append(assign, "(" + (CHANNEL_BASE + ch) + "," + (GROUP_BASE + ch % GROUPS) + ")");
            }
            s.executeUpdate("INSERT INTO channel_assignment (channel_id, group_id) VALUES " + assign);
            s.executeUpdate("INSERT INTO folder_list (id, account_id, name) VALUES (1, 1, 'All groups')");
            StringBuilder folder = new StringBuilder();
            for (int g = 0; g < GROUPS; g++) {
                append(folder, "(1," + (GROUP_BASE + g) + ")");
            }
            s.executeUpdate("INSERT INTO folder_list_group (folder_list_id, group_id) VALUES " + folder);
            s.executeUpdate("INSERT INTO role (id, account_id, name, kind, priority, folder_list_id, anonymous) VALUES "
                    + "(1,1,'Administrator','ADMINISTRATOR',20,1,FALSE),(2,1,'Technician','TECHNICIAN',10,1,FALSE),"
                    + "(3,1,'Anonymous','TECHNICIAN',0,1,TRUE)");
            // one hash for every user: the bench never logs in with a password
            String hash = "'$2a$04$abcdefghijklmnopqrstuu5Ewd0dbKPMz6xP4PgUo0mtsMSMyGVPC'";
            s.executeUpdate("INSERT INTO app_user (id, account_id, email, name, password_hash, status, admin_node_id, "
                    + "created_at) VALUES (1,1,'admin@bench.example','Admin'," + hash + ",'ENABLED'," + ADMIN_NODE
                    + "," + ts + ")");
            s.executeUpdate("INSERT INTO user_role (user_id, role_id) VALUES (1,1)");
            s.executeUpdate("INSERT INTO auth_code (user_id, code_hash, created_at) VALUES (1,'"
                    + SecureTokens.hash(authCode()) + "'," + ts + ")");
            batches(s, technicians, 1000, "INSERT INTO node (id, account_id, kind, parent_id, name, created_at) VALUES ",
                    i -> "(" + techNode(i) + ",1,'TECHNICIAN'," + (GROUP_BASE + i % GROUPS) + ",'Tech " + i + "',"
                            + ts + ")");
            batches(s, technicians, 1000, "INSERT INTO app_user (id, account_id, email, name, password_hash, status, "
                    + "tech_node_id, created_at) VALUES ", i -> "(" + (i + 2) + ",1,'tech" + i + "@bench.example',"
                    + "'Tech " + i + "'," + hash + ",'ENABLED'," + techNode(i) + "," + ts + ")");
            batches(s, technicians, 1000, "INSERT INTO user_role (user_id, role_id) VALUES ", i -> "(" + (i + 2)
                    + ",2)");
            batches(s, technicians, 1000, "INSERT INTO auth_code (user_id, code_hash, created_at) VALUES ",
                    i -> "(" + (i + 2) + ",'" + SecureTokens.hash(technicianAuthCode(i)) + "'," + ts + ")");
            s.executeUpdate("INSERT INTO api_token (account_id, user_id, name, token_hash, created_at) VALUES (1,1,"
                    + "'bench','" + SecureTokens.hash(apiToken()) + "'," + ts + ")");
            // Online for a day: the bench measures transfers, not the console's heartbeats
            batches(s, technicians, 1000, "INSERT INTO technician_presence (node_id, status, last_heartbeat) VALUES ",
                    i -> "(" + techNode(i) + ",'ONLINE', " + ts + " + INTERVAL 1 DAY)");
            c.commit();
            batches(s, supportSessions, 5000, "INSERT INTO support_session (id, account_id, status, channel_node_id, "
                    + "custom_field0, language, started_at, status_changed_at) VALUES ", i -> "(" + session(i)
                    + ",1,'WAITING'," + (CHANNEL_BASE + i % CHANNELS) + ",'Customer " + i + "','en'," + ts + "," + ts
                    + ")");
            c.commit();
            // Started a week ago, so that the reports (over the last two days) do not count them.
            batches(s, technicians, 1000, "INSERT INTO support_session (id, account_id, status, technician_node_id, "
                    + "custom_field0, language, started_at, status_changed_at, picked_up_by_node_id, picked_up_at) "
                    + "VALUES ", i -> "(" + startSession(i) + ",1,'ON_HOLD'," + techNode(i) + ",'Start " + i + "','en',"
                    + ts + " - INTERVAL 7 DAY," + ts + "," + techNode(i) + "," + ts + " - INTERVAL 7 DAY)");
            c.commit();
            history(s, c);
            String groups = "'" + java.util.stream.LongStream.range(GROUP_BASE, GROUP_BASE + GROUPS)
                    .mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(",")) + "'";
            batches(s, callers + webSessions, 5000, "INSERT INTO web_session (id, account_id, user_id, token_hash, "
                    + "ip_address, status, role_ids, administrator, folder_list_id, folder_group_ids, created_at, "
                    + "last_request_at, request_count) VALUES ", i -> {
                        boolean caller = i < callers;
                        String token = caller ? SecureTokens.hash(cookie(i + 1)) : SecureTokens.hash("t" + i);
                        return "(" + (i + 1) + ",1," + (caller ? "1" : "NULL") + ",'" + token + "','127.0.0.1','A','"
                                + (caller ? "1" : "3") + "'," + caller + ",1," + groups + "," + ts + "," + ts + ",0)";
                    });
            c.commit();
        }
    }

    /**
     * The closed sessions, one per waiting session, started over the day before the last hour: waiting
     * 2 minutes in a channel, transferred to a technician, picked up a minute later, active 20 minutes
     * with 4 on hold, closed; with the transfer row and the pick-up's event.
     */
    private void history(Statement s, Connection c) throws SQLException {
        java.time.LocalDateTime base = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0).minusHours(1);
        java.util.function.IntFunction<java.time.LocalDateTime> started = i -> base.minusSeconds(i % 86_400);
        batches(s, supportSessions, 5000, "INSERT INTO support_session (id, account_id, status, technician_node_id, "
                + "channel_node_id, custom_field0, tracking0, language, started_at, status_changed_at, "
                + "picked_up_by_node_id, picked_up_at, closed_at, requested_by_user_id, waiting_ms, transfer_ms, "
                + "active_ms, hold_ms) VALUES ", i -> {
                    java.time.LocalDateTime t = started.apply(i);
                    long tech = techNode(i % technicians);
                    return "(" + (HISTORY_BASE + i) + ",1,'CLOSED_BY_TECHNICIAN'," + tech + ","
                            + (CHANNEL_BASE + i % CHANNELS) + ",'Customer " + i + "','T-" + i + "','en'," + at(t) + ","
                            + at(t.plusMinutes(27)) + "," + tech + "," + at(t.plusMinutes(3)) + ","
                            + at(t.plusMinutes(27)) + "," + (i % 2 == 0 ? "1" : "NULL") + ",120000,60000,960000,240000)";
                });
        c.commit();
        batches(s, supportSessions, 5000, "INSERT INTO transfer (account_id, session_id, from_node_id, to_node_id, "
                + "node_ref, comment, by_user_id, transferred_at, from_status, from_status_ms) VALUES ", i -> "(1,"
                + (HISTORY_BASE + i) + "," + (CHANNEL_BASE + i % CHANNELS) + "," + techNode(i % technicians)
                + ",'NODE','bench',1," + at(started.apply(i).plusMinutes(2)) + ",'WAITING',120000)");
        c.commit();
        batches(s, supportSessions, 5000, "INSERT INTO event (account_id, object_type, object_id, action, "
                + "before_state, after_state, by_user_id, occurred_at) VALUES ", i -> "(1,'SUPPORT_SESSION',"
                + (HISTORY_BASE + i) + ",'STARTED','{\"status\":\"TRANSFERRING\"}','{\"status\":\"ACTIVE\"}',1,"
                + at(started.apply(i).plusMinutes(3)) + ")");
        c.commit();
    }

    private static final java.time.format.DateTimeFormatter SQL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static String at(java.time.LocalDateTime t) {
        return "'" + t.format(SQL_TIME) + "'";
    }

    private static void append(StringBuilder b, String row) {
        if (b.length() > 0) {
            b.append(',');
        }
        b.append(row);
    }

    private static void batches(Statement s, int count, int batch, String insert,
                                java.util.function.IntFunction<String> row) throws SQLException {
        for (int from = 0; from < count; from += batch) {
            StringBuilder values = new StringBuilder(insert.length() + batch * 120);
            for (int i = from; i < Math.min(count, from + batch); i++) {
                append(values, row.apply(i));
            }
            s.executeUpdate(insert + values);
        }
    }
}
