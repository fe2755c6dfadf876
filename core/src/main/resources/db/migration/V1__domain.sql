-- The whole sessiongate domain. Hibernate validates this schema and never generates it.
-- Times are UTC, DATETIME(3). Node and support-session IDs are assigned from sequences so that
-- they are unique across the installation and can also be chosen explicitly (demo data).

CREATE SEQUENCE node_seq START WITH 100000 INCREMENT BY 1 CACHE 0;
CREATE SEQUENCE support_session_seq START WITH 100000 INCREMENT BY 1 CACHE 0;

CREATE TABLE account (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    site_key    VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_account_site_key UNIQUE (site_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Groups (technician and administrator groups), technicians, administrators and channels.
CREATE TABLE node (
    id          BIGINT       NOT NULL,
    account_id  BIGINT       NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    parent_id   BIGINT       NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_node_kind CHECK (kind IN ('TECHNICIAN_GROUP','ADMINISTRATOR_GROUP','TECHNICIAN','ADMINISTRATOR','CHANNEL')),
    CONSTRAINT fk_node_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_node_parent FOREIGN KEY (parent_id) REFERENCES node (id),
    INDEX ix_node_account_kind (account_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Which technician groups a channel serves.
CREATE TABLE channel_assignment (
    channel_id  BIGINT NOT NULL,
    group_id    BIGINT NOT NULL,
    PRIMARY KEY (channel_id, group_id),
    CONSTRAINT fk_channel_assignment_channel FOREIGN KEY (channel_id) REFERENCES node (id),
    CONSTRAINT fk_channel_assignment_group FOREIGN KEY (group_id) REFERENCES node (id),
    INDEX ix_channel_assignment_group (group_id)
) ENGINE=InnoDB;

-- A folder list is a named set of group nodes: the part of the hierarchy an administrator acts in.
CREATE TABLE folder_list (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_folder_list_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uk_folder_list_name UNIQUE (account_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE folder_list_group (
    folder_list_id BIGINT NOT NULL,
    group_id       BIGINT NOT NULL,
    PRIMARY KEY (folder_list_id, group_id),
    CONSTRAINT fk_folder_list_group_list FOREIGN KEY (folder_list_id) REFERENCES folder_list (id) ON DELETE CASCADE,
    CONSTRAINT fk_folder_list_group_node FOREIGN KEY (group_id) REFERENCES node (id)
) ENGINE=InnoDB;

CREATE TABLE role (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    account_id     BIGINT       NOT NULL,
    name           VARCHAR(100) NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    priority       INT          NOT NULL,
    folder_list_id BIGINT       NOT NULL,
    anonymous      BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT ck_role_kind CHECK (kind IN ('MASTER_ADMINISTRATOR','ADMINISTRATOR','TECHNICIAN')),
    CONSTRAINT fk_role_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_role_folder_list FOREIGN KEY (folder_list_id) REFERENCES folder_list (id),
    CONSTRAINT uk_role_name UNIQUE (account_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE app_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    account_id     BIGINT       NOT NULL,
    email          VARCHAR(254) NOT NULL,
    name           VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    admin_node_id  BIGINT       NULL,
    tech_node_id   BIGINT       NULL,
    folder_list_id BIGINT       NULL,
    created_at     DATETIME(3)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_user_status CHECK (status IN ('ENABLED','DISABLED','DELETED')),
    CONSTRAINT fk_user_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_user_admin_node FOREIGN KEY (admin_node_id) REFERENCES node (id),
    CONSTRAINT fk_user_tech_node FOREIGN KEY (tech_node_id) REFERENCES node (id),
    CONSTRAINT fk_user_folder_list FOREIGN KEY (folder_list_id) REFERENCES folder_list (id),
    CONSTRAINT uk_user_email UNIQUE (account_id, email),
    CONSTRAINT uk_user_admin_node UNIQUE (admin_node_id),
    CONSTRAINT uk_user_tech_node UNIQUE (tech_node_id),
    INDEX ix_user_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_role (
    user_id BIGINT NOT NULL,
    role_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, role_id),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_role_role FOREIGN KEY (role_id) REFERENCES role (id),
    INDEX ix_user_role_role (role_id)
) ENGINE=InnoDB;

-- A customer's support session, owned by a technician or waiting in a channel's queue.
CREATE TABLE support_session (
    id                  BIGINT       NOT NULL,
    account_id          BIGINT       NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    technician_node_id  BIGINT       NULL,
    channel_node_id     BIGINT       NULL,
    custom_field0       VARCHAR(64)  NULL,
    custom_field1       VARCHAR(512) NULL,
    custom_field2       VARCHAR(512) NULL,
    custom_field3       VARCHAR(256) NULL,
    custom_field4       VARCHAR(64)  NULL,
    custom_field5       VARCHAR(64)  NULL,
    language            VARCHAR(16)  NOT NULL,
    started_at          DATETIME(3)  NOT NULL,
    status_changed_at   DATETIME(3)  NOT NULL,
    transferred_to      VARCHAR(200) NULL,
    transferred_comment VARCHAR(1000) NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_support_session_status CHECK (status IN ('WAITING','ACTIVE','ON_HOLD','TRANSFERRING','CLOSED')),
    CONSTRAINT fk_support_session_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_support_session_technician FOREIGN KEY (technician_node_id) REFERENCES node (id),
    CONSTRAINT fk_support_session_channel FOREIGN KEY (channel_node_id) REFERENCES node (id),
    INDEX ix_support_session_technician (technician_node_id),
    INDEX ix_support_session_channel (channel_node_id, technician_node_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE transfer (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    account_id      BIGINT        NOT NULL,
    session_id      BIGINT        NOT NULL,
    from_node_id    BIGINT        NULL,
    to_node_id      BIGINT        NOT NULL,
    node_ref        VARCHAR(16)   NOT NULL,
    comment         VARCHAR(1000) NULL,
    by_user_id      BIGINT        NOT NULL,
    transferred_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_transfer_node_ref CHECK (node_ref IN ('NODE','CHANNEL')),
    CONSTRAINT fk_transfer_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_transfer_session FOREIGN KEY (session_id) REFERENCES support_session (id),
    CONSTRAINT fk_transfer_by_user FOREIGN KEY (by_user_id) REFERENCES app_user (id),
    INDEX ix_transfer_session (session_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the technician console last said: a technician without a recent heartbeat is Offline.
CREATE TABLE technician_presence (
    node_id         BIGINT      NOT NULL,
    status          VARCHAR(16) NOT NULL,
    last_heartbeat  DATETIME(3) NOT NULL,
    PRIMARY KEY (node_id),
    CONSTRAINT ck_presence_status CHECK (status IN ('ONLINE','AWAY','BUSY')),
    CONSTRAINT fk_presence_node FOREIGN KEY (node_id) REFERENCES node (id)
) ENGINE=InnoDB;

-- requestAuthCode: one live code per user, stored only as its SHA-256.
CREATE TABLE auth_code (
    user_id     BIGINT      NOT NULL,
    code_hash   VARCHAR(64) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT uk_auth_code_hash UNIQUE (code_hash),
    CONSTRAINT fk_auth_code_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- The API/web login session behind the ASP.NET_SessionId cookie, and the APIServer "Session".
-- role_ids and folder_group_ids are the snapshot taken at login or on refresh, kept as
-- comma-separated IDs so that authenticating a request is one indexed read.
CREATE TABLE web_session (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    account_id        BIGINT        NOT NULL,
    user_id           BIGINT        NULL,
    token_hash        VARCHAR(64)   NOT NULL,
    ip_address        VARCHAR(45)   NULL,
    status            VARCHAR(1)    NOT NULL,
    role_ids          VARCHAR(1000) NOT NULL DEFAULT '',
    administrator     BOOLEAN       NOT NULL DEFAULT FALSE,
    folder_list_id    BIGINT        NULL,
    folder_group_ids  VARCHAR(4000) NOT NULL DEFAULT '',
    created_at        DATETIME(3)   NOT NULL,
    last_request_at   DATETIME(3)   NOT NULL,
    request_count     BIGINT        NOT NULL DEFAULT 0,
    version           BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_web_session_status CHECK (status IN ('A','T','E')),
    CONSTRAINT uk_web_session_token UNIQUE (token_hash),
    CONSTRAINT fk_web_session_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_web_session_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_web_session_folder_list FOREIGN KEY (folder_list_id) REFERENCES folder_list (id)
) ENGINE=InnoDB;

-- login.aspx calls per email, counted here so that the limit holds across server processes.
CREATE TABLE login_attempt (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    email        VARCHAR(254) NOT NULL,
    attempted_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_login_attempt_email (email, attempted_at),
    INDEX ix_login_attempt_time (attempted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a web session or support session: who, what, before, after, when.
CREATE TABLE event (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    account_id   BIGINT      NOT NULL,
    object_type  VARCHAR(32) NOT NULL,
    object_id    BIGINT      NOT NULL,
    action       VARCHAR(32) NOT NULL,
    before_state TEXT        NULL,
    after_state  TEXT        NULL,
    by_user_id   BIGINT      NULL,
    occurred_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_event_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX ix_event_object (object_type, object_id, id),
    INDEX ix_event_account (account_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
