package io.sessiongate.core.rescue;

import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.NodeStatus;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.util.List;

/**
 * The channels a customer may enter, by the account's site key: what the customer join page lists so
 * that a customer chooses a channel instead of typing its number. Exactly the channels the channel
 * join accepts ({@link CustomerService}: an enabled, not deleted channel that at least one technician
 * group serves), with their id and name and nothing else: no people, no queue lengths, no presence.
 * An unknown site key reads as an account without such channels, so the list tells nothing about
 * which site keys exist.
 */
public final class JoinableChannels {

    /** The most channels one list holds. */
    public static final int MAX = 100;

    private static final NativeSql LIST = NativeSql.of("""
            SELECT n.id, n.name FROM node n JOIN account a ON a.id = n.account_id
            WHERE a.site_key = :key AND n.kind = :kind AND n.status = :enabled AND n.deleted_at IS NULL
              AND EXISTS (SELECT 1 FROM channel_assignment ca WHERE ca.channel_id = n.id)
            ORDER BY n.name, n.id LIMIT {max}""".replace("{max}", Integer.toString(MAX)));

    /** A channel as a customer sees it. */
    public record Channel(long id, String name) {
    }

    private final Database db;

    public JoinableChannels(Database db) {
        this.db = db;
    }

    /** The channels of the account with {@code siteKey}, by name; empty for an unknown key. */
    public List<Channel> of(String siteKey) {
        return db.inTransaction(s -> LIST.on(Tx.of(s)).set("key", siteKey).set("kind", NodeKind.CHANNEL.name())
                .set("enabled", NodeStatus.ENABLED.name())
                .list(r -> new Channel(r.getLong("id"), r.getString("name"))));
    }
}
