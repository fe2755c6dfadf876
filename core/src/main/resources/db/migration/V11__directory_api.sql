-- Issue 16, the directory resources of the administration API (/api/v1/accounts/{siteKey}/nodes, users, roles,
-- folder-lists): what they need beyond V10.

-- A PATCH of a node, a role or a folder list names the version it read (If-Match, the ETag of its GET); the
-- entities carry it (@Version), so every change through them bumps it, and a change under a stale version is
-- refused (412) instead of overwriting what the caller has not seen. (app_user has had its version since V1.)
ALTER TABLE node ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE role ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE folder_list ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- A folder list that no role and no user names any more may be deleted; a web session keeps the snapshot of
-- its groups taken at login (folder_group_ids), and only loses the reference to the list.
ALTER TABLE web_session DROP FOREIGN KEY fk_web_session_folder_list;
ALTER TABLE web_session ADD CONSTRAINT fk_web_session_folder_list FOREIGN KEY (folder_list_id)
    REFERENCES folder_list (id) ON DELETE SET NULL;

-- Keyset pages of the account's users, all or by status, in id order.
ALTER TABLE app_user
    ADD INDEX ix_app_user_account_id (account_id, id),
    ADD INDEX ix_app_user_account_status_id (account_id, status, id);
