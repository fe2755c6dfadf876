-- Issue 15: the whole life of a support session, from PIN code to close.
-- The statuses are SupportSessionStatus's names (SupportSessionStatusTest checks the list against the enum).
-- The old CLOSED becomes CLOSED_BY_TECHNICIAN, which getSession_v3 already showed as "Closed by technician".
ALTER TABLE support_session DROP CONSTRAINT ck_support_session_status;
ALTER TABLE support_session MODIFY status VARCHAR(32) NOT NULL;
UPDATE support_session SET status = 'CLOSED_BY_TECHNICIAN' WHERE status = 'CLOSED';

ALTER TABLE support_session
    -- A live PIN (PIN_ISSUED): unique in the whole installation; cleared when used or expired, so it can be reissued.
    ADD COLUMN pin_code             CHAR(6)      NULL,
    ADD COLUMN pin_expires_at       DATETIME(3)  NULL,
    ADD COLUMN tracking0            VARCHAR(64)  NULL,
    ADD COLUMN requested_by_user_id BIGINT       NULL,
    -- Who picked the session up (the technician's node) and when each stage began.
    ADD COLUMN picked_up_by_node_id BIGINT       NULL,
    ADD COLUMN waiting_since        DATETIME(3)  NULL,
    ADD COLUMN picked_up_at         DATETIME(3)  NULL,
    ADD COLUMN closed_at            DATETIME(3)  NULL,
    -- Before a transfer to a technician not yet picked up: where cancelAction puts the session back.
    ADD COLUMN before_transfer_status        VARCHAR(32) NULL,
    ADD COLUMN before_transfer_technician_id BIGINT      NULL,
    ADD COLUMN before_transfer_channel_id    BIGINT      NULL,
    ADD CONSTRAINT ck_support_session_status CHECK (status IN ('PIN_ISSUED','WAITING','TRANSFERRING','ACTIVE',
        'ON_HOLD','CLOSED_BY_TECHNICIAN','CLOSED_BY_CUSTOMER','CLOSED_BY_WAITING_CUSTOMER','TIMED_OUT','EXPIRED')),
    ADD CONSTRAINT ck_support_session_before_status CHECK (before_transfer_status IS NULL OR before_transfer_status IN
        ('PIN_ISSUED','WAITING','TRANSFERRING','ACTIVE','ON_HOLD')),
    ADD CONSTRAINT uk_support_session_pin UNIQUE (pin_code),
    ADD CONSTRAINT fk_support_session_picked_up_by FOREIGN KEY (picked_up_by_node_id) REFERENCES node (id),
    ADD INDEX ix_support_session_account_status (account_id, status, status_changed_at);

UPDATE support_session SET waiting_since = status_changed_at WHERE status = 'WAITING';
UPDATE support_session SET picked_up_at = status_changed_at, picked_up_by_node_id = technician_node_id
    WHERE status IN ('ACTIVE', 'ON_HOLD');
UPDATE support_session SET closed_at = status_changed_at WHERE status = 'CLOSED_BY_TECHNICIAN';

-- The account's time-outs, in minutes; 0 = never.
ALTER TABLE account
    ADD COLUMN pin_validity_minutes    INT NOT NULL DEFAULT 20,
    ADD COLUMN waiting_timeout_minutes INT NOT NULL DEFAULT 0,
    ADD COLUMN idle_timeout_minutes    INT NOT NULL DEFAULT 0,
    ADD CONSTRAINT ck_account_timeouts CHECK (pin_validity_minutes >= 0 AND waiting_timeout_minutes >= 0
        AND idle_timeout_minutes >= 0);

-- requestPINCode's poll rate: one PIN per second per user. One row per user, claimed by a conditional update.
CREATE TABLE pin_request (
    user_id          BIGINT      NOT NULL,
    last_request_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_pin_request_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
