-- Issue 17, administration: what the directory service (core.account.DirectoryService) needs beyond V6.

-- A deleted node stays as the anchor of its history (support sessions, transfers and events name it), but it is
-- gone from the hierarchy and from every administration method: it reads like a node that does not exist.
ALTER TABLE node ADD COLUMN deleted_at DATETIME(3) NULL;

-- setUser_v2's nick and SSO id. An email is unique among the account's live users only: a deleted user's
-- address can be given to a new user, and a user that createUser made with only a parent has none yet ('').
ALTER TABLE app_user
    ADD COLUMN nick   VARCHAR(64)  NOT NULL DEFAULT '',
    ADD COLUMN sso_id VARCHAR(128) NOT NULL DEFAULT '',
    ADD COLUMN live_email VARCHAR(254) AS (CASE WHEN status <> 'DELETED' AND email <> '' THEN email END) PERSISTENT,
    DROP INDEX uk_user_email,
    ADD CONSTRAINT uk_user_live_email UNIQUE (account_id, live_email);

-- The directory changes of one account run one after the other: each locks its account's row first, and one
-- that changes something bumps this version, so that two changes made at once on different Galera nodes
-- conflict at certification (one is tried again, and then sees the other: no cycle, no lost move).
ALTER TABLE account ADD COLUMN directory_version BIGINT NOT NULL DEFAULT 0;
