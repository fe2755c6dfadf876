-- Issue 17, reports: what the session and transferred-sessions reports read, the report settings of
-- each web session and auth code, and the report poll limit.

-- How long a session has spent in each live status, in milliseconds. The transitions' own UPDATE
-- (SupportSessionRepository's MOVE and CHANGE) adds the time spent in the status it leaves, so a
-- session spending time On Hold twice keeps both spells without another statement. The spell a live
-- session is in is added when a report reads it. Sessions closed before this migration keep 0:
-- their times were not recorded.
ALTER TABLE support_session
    ADD COLUMN waiting_ms  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN transfer_ms BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN active_ms   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN hold_ms     BIGINT NOT NULL DEFAULT 0,
    -- A report's rows: a technician's (or a channel's) sessions by start time, read in index order.
    ADD INDEX ix_support_session_technician_started (technician_node_id, started_at),
    ADD INDEX ix_support_session_channel_started (channel_node_id, started_at),
    -- The technician index above begins with the same column, so it also serves the foreign key.
    DROP INDEX ix_support_session_technician;

-- What a transfer left behind: the session's status before it and how long the session had been in it
-- (the transferred-sessions report's Waiting Time when that status was Waiting). Written by the
-- transfer's own INSERT.
ALTER TABLE transfer
    ADD COLUMN from_status    VARCHAR(32) NULL,
    ADD COLUMN from_status_ms BIGINT      NULL,
    -- The transferred-sessions report: the transfers from or to a technician (or channel) in a period.
    ADD INDEX ix_transfer_from (from_node_id, transferred_at),
    ADD INDEX ix_transfer_to (to_node_id, transferred_at);

-- setReportArea_v8, setReportDate_v2, setReportTime, setTimezone, setOutput, setDelimiter: kept per web
-- session (the login cookie) or per auth code, so that a report set up through one server process is
-- produced by any other. Dates are the caller's wall-clock times in the report's time zone; NULL is "today".
CREATE TABLE report_settings (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    web_session_id   BIGINT       NULL,
    auth_code_hash   VARCHAR(64)  NULL,
    account_id       BIGINT       NOT NULL,
    user_id          BIGINT       NOT NULL,
    area             INT          NOT NULL,
    begin_date       DATETIME     NULL,
    end_date         DATETIME     NULL,
    begin_time       TIME         NOT NULL,
    end_time         TIME         NOT NULL,
    timezone_minutes INT          NOT NULL,
    output           VARCHAR(8)   NOT NULL,
    field_delimiter  VARCHAR(16)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_report_settings_web_session UNIQUE (web_session_id),
    CONSTRAINT uk_report_settings_auth_code UNIQUE (auth_code_hash),
    CONSTRAINT ck_report_settings_owner CHECK ((web_session_id IS NULL) <> (auth_code_hash IS NULL)),
    CONSTRAINT ck_report_settings_output CHECK (output IN ('TEXT', 'XML')),
    CONSTRAINT fk_report_settings_web_session FOREIGN KEY (web_session_id) REFERENCES web_session (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_report_settings_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_report_settings_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- getReport_v2's poll limit: when each user last got each report (the hash of its area, node, node
-- type and dates). Claimed by a conditional update, so that two concurrent requests cannot both pass;
-- rows older than the window are purged by the server's maintenance.
CREATE TABLE report_request (
    user_id          BIGINT      NOT NULL,
    report_key       CHAR(64)    NOT NULL,
    last_request_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, report_key),
    INDEX ix_report_request_time (last_request_at),
    CONSTRAINT fk_report_request_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
