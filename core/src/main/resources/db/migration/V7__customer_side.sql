-- Issue 15, second part: the customer side of a support session and the time-out sweeper.

ALTER TABLE support_session
    -- The customer's token for this one session (POST /api/v1/customer/sessions), stored only as its SHA-256;
    -- NULL for a session no customer joined through the API (requestPINCode not yet used, the demo data).
    ADD COLUMN customer_token_hash CHAR(64) NULL,
    ADD CONSTRAINT uk_support_session_customer_token UNIQUE (customer_token_hash),
    -- The sweeper's read of PINs past their validity: a range on (status, pin_expires_at). The waiting and idle
    -- time-outs read ix_support_session_account_status (account_id, status, status_changed_at) of V5.
    ADD INDEX ix_support_session_pin_expiry (status, pin_expires_at);

-- Wrong PIN codes entered at the customer join, counted in the database so that the limit holds across server
-- processes: one row per key, 'from:<client address>' (an IPv6 address by its /64) and 'pin:<the 6 digits>'.
-- A window starts at its first failure; a row whose window has passed counts as empty and is purged.
CREATE TABLE pin_attempt (
    attempt_key       VARCHAR(64) NOT NULL,
    failures          INT         NOT NULL,
    window_started_at DATETIME(3) NOT NULL,
    PRIMARY KEY (attempt_key),
    INDEX ix_pin_attempt_window (window_started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
