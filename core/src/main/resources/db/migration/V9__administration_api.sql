-- Issue 16: the administration API (/api/v1). Its credentials (the operator's, and the accounts'
-- API tokens), the idempotency keys of its creating POSTs, the account settings it edits, and the
-- indexes its keyset-paginated lists read.

-- The installation's one operator credential: SESSIONGATE_OPERATOR_TOKEN's hash, or a token
-- generated at the first start. One row at most (id = 1), so that when several processes start at
-- once on an empty database exactly one INSERT wins and prints its token.
CREATE TABLE operator_credential (
    id          TINYINT     NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    source      VARCHAR(16) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_operator_credential_one CHECK (id = 1),
    CONSTRAINT ck_operator_credential_source CHECK (source IN ('GENERATED', 'ENVIRONMENT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- An account's API tokens: random, shown once, stored as their SHA-256. A token acts as the user it
-- was issued to (user_id: the master administrator for the account's first token, else whoever
-- made it), as an administrator of the whole account. Authentication reads it by hash (one indexed
-- read joined with the user) on every request, so a revocation counts at once on every process.
CREATE TABLE api_token (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    expires_at  DATETIME(3)  NULL,
    revoked_at  DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    INDEX ix_api_token_account (account_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Idempotency-Key of a creating POST: the first request's fingerprint (method, path, body) and,
-- once done, its reply, kept 24 hours (the maintenance task purges older rows). The row is
-- claimed before the work (completed_at NULL: in progress), so a retry on any process finds it.
CREATE TABLE idempotency_key (
    principal     VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(255) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status        INT          NULL,
    content_type  VARCHAR(100) NULL,
    location      VARCHAR(500) NULL,
    body          MEDIUMTEXT   NULL,
    created_at    DATETIME(3)  NOT NULL,
    completed_at  DATETIME(3)  NULL,
    PRIMARY KEY (principal, idem_key),
    INDEX ix_idempotency_key_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The web-session time-out becomes the account's (it was 20 minutes for everyone); the version
-- guards PATCH /api/v1/accounts/{siteKey} (its ETag).
ALTER TABLE account
    ADD COLUMN web_session_timeout_minutes INT    NOT NULL DEFAULT 20,
    ADD COLUMN version                     BIGINT NOT NULL DEFAULT 0,
    ADD CONSTRAINT ck_account_web_session_timeout CHECK (web_session_timeout_minutes BETWEEN 1 AND 1440);

-- Keyset pages of the lists: by account (and a filter), in id order.
ALTER TABLE support_session
    ADD INDEX ix_support_session_account_id (account_id, id),
    ADD INDEX ix_support_session_account_status_id (account_id, status, id),
    ADD INDEX ix_support_session_channel_id (channel_node_id, id);
ALTER TABLE web_session
    ADD INDEX ix_web_session_account_id (account_id, id),
    ADD INDEX ix_web_session_account_status_id (account_id, status, id);
