/**
 * The database, and the one rule for reading and writing it.
 *
 * <h2>One writing idiom per table</h2>
 * <ul>
 *   <li><b>The directory</b> ({@code account}, {@code node}, {@code channel_assignment},
 *       {@code folder_list}, {@code folder_list_group}, {@code role}, {@code app_user},
 *       {@code user_role}): Hibernate entities in {@code core.account}, written by administration
 *       (and the demo data) through a {@link org.hibernate.Session}. Rows that change rarely, edited
 *       a whole object at a time, with collections.</li>
 *   <li><b>The hot session state</b> ({@code support_session}, {@code transfer}, {@code event},
 *       {@code technician_presence}, {@code pin_request}, {@code auth_code}, {@code web_session}):
 *       repositories over plain JDBC ({@link io.sessiongate.core.persistence.NativeSql}), one small
 *       class per table in its domain package ({@code SupportSessionRepository},
 *       {@code TransferRepository}, {@code PresenceRepository}, {@code PinRequestRepository} in
 *       {@code core.rescue}; {@code WebSessionRepository}, {@code AuthCodeRepository} in
 *       {@code core.websession}; {@code EventRepository} in
 *       {@code core.event}). Each write is one statement that sets only the columns it changes;
 *       a row written concurrently is guarded by its {@code version} column in the statement.
 *       There is no entity for these tables.</li>
 *   <li>More tables of that kind are written the same way by the one class that owns them:
 *       {@code password_attempt} by {@code core.websession.PasswordAttempts} (the password limit,
 *       under a row lock), {@code pin_attempt} by {@code core.rescue.PinAttempts} (the wrong-PIN
 *       limit of the customer join, under a row lock) and {@code commit_marker} by
 *       {@code CommitMarker} (a cluster's in-doubt COMMITs).</li>
 * </ul>
 * Reads on a hot path may use plain JDBC on any table, the directory included
 * ({@code DirectoryReads}, the auth-code read).
 *
 * <h2>Repositories</h2>
 * A repository method takes the transaction's handle ({@link io.sessiongate.core.persistence.Tx}),
 * and returns a record mapped <em>by column name</em> ({@code r.getLong("account_id")}), one record
 * type per read; no positional {@code Object[]} row leaves this package. Repositories hold no state.
 * The benchmark's database ceiling calls the same methods on its own connection.
 *
 * <h2>Round trips: deferred writes, reads ahead</h2>
 * A write whose count nobody reads and that no later Hibernate statement depends on (a web
 * session's touch, a transfer's row, an event's row) is
 * {@link io.sessiongate.core.persistence.NativeSql.Run#defer() deferred}: it travels in front of the
 * transaction's next plain-JDBC statement, or with its COMMIT, in one multi-statement packet
 * ({@code DeferredStatements}; the driver runs with {@code allowMultiQueries}, its statements prepared
 * client-side, so values are bound, never spliced: no SQL is ever built from a value). A single-row read
 * that depends on the request alone may be
 * {@link io.sessiongate.core.persistence.NativeSql.Run#ahead asked ahead}: it travels behind the
 * transaction's next statement (transferSession's and Session.Update's first read, behind the caller's
 * authentication), or runs on its own when its result is wanted first. A transfer is so three round trips
 * (the caller with the session and target read; the touch with the move under its version; the transfer
 * and event rows with the COMMIT) for six statements. A write whose count decides what happens next (a
 * versioned update, an insert whose key is needed) is never deferred. A deferred write that fails fails
 * the statement it travels with, and the whole transaction rolls back. On a Galera cluster nothing is
 * deferred or asked ahead (see {@code Database.once}): each statement has its own round trip there.
 *
 * <h2>Transactions</h2>
 * Every service method runs in one transaction through
 * {@link io.sessiongate.core.persistence.Database#inTransaction}; persistence exceptions leave it as
 * {@link io.sessiongate.core.persistence.DataAccessException}s. SQL that needs an enum's names
 * builds them from the enum.
 */
package io.sessiongate.core.persistence;
