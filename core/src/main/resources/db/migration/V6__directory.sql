-- The directory as the vendor's hierarchy has it: every account has one root node, under it the
-- organisation nodes "Master Administrators", "Administrators" and "Technicians" (made with the
-- account, never moved or deleted), and every other node hangs somewhere beneath the root.
-- Groups and channels can be disabled and described; master administrators get a node kind of
-- their own. A web session remembers whether its user acts on the whole account (a master
-- administrator), so that their authority does not depend on a folder-list snapshot.

ALTER TABLE node DROP CONSTRAINT ck_node_kind;

ALTER TABLE node
    ADD COLUMN status      VARCHAR(16)  NOT NULL DEFAULT 'ENABLED',
    ADD COLUMN description VARCHAR(512) NOT NULL DEFAULT '',
    -- The kind of an organisation node (root included), else NULL: one of each per account.
    ADD COLUMN organisation_kind VARCHAR(32) AS (CASE WHEN kind IN ('ROOT','MASTER_ADMINISTRATORS','ADMINISTRATORS',
        'TECHNICIANS') THEN kind END) PERSISTENT,
    ADD CONSTRAINT ck_node_kind CHECK (kind IN ('ROOT','MASTER_ADMINISTRATORS','ADMINISTRATORS','TECHNICIANS',
        'TECHNICIAN_GROUP','ADMINISTRATOR_GROUP','MASTER_ADMINISTRATOR','ADMINISTRATOR','TECHNICIAN','CHANNEL')),
    ADD CONSTRAINT ck_node_status CHECK (status IN ('ENABLED','DISABLED')),
    ADD CONSTRAINT uk_node_organisation UNIQUE (account_id, organisation_kind);

-- The root and organisation nodes of the accounts that exist, their ids from the sequence.
INSERT INTO node (id, account_id, kind, parent_id, name, created_at)
    SELECT NEXTVAL(node_seq), a.id, 'ROOT', NULL, a.name, a.created_at FROM account a ORDER BY a.id;
INSERT INTO node (id, account_id, kind, parent_id, name, created_at)
    SELECT NEXTVAL(node_seq), r.account_id, 'MASTER_ADMINISTRATORS', r.id, 'Master Administrators', r.created_at
    FROM node r WHERE r.kind = 'ROOT' ORDER BY r.id;
INSERT INTO node (id, account_id, kind, parent_id, name, created_at)
    SELECT NEXTVAL(node_seq), r.account_id, 'ADMINISTRATORS', r.id, 'Administrators', r.created_at
    FROM node r WHERE r.kind = 'ROOT' ORDER BY r.id;
INSERT INTO node (id, account_id, kind, parent_id, name, created_at)
    SELECT NEXTVAL(node_seq), r.account_id, 'TECHNICIANS', r.id, 'Technicians', r.created_at
    FROM node r WHERE r.kind = 'ROOT' ORDER BY r.id;

-- Every node that hung nowhere goes under the organisation node of its kind.
UPDATE node n JOIN node o ON o.account_id = n.account_id AND o.kind = 'TECHNICIANS'
    SET n.parent_id = o.id WHERE n.parent_id IS NULL AND n.kind IN ('TECHNICIAN_GROUP', 'TECHNICIAN');
UPDATE node n JOIN node o ON o.account_id = n.account_id AND o.kind = 'ADMINISTRATORS'
    SET n.parent_id = o.id WHERE n.parent_id IS NULL AND n.kind IN ('ADMINISTRATOR_GROUP', 'ADMINISTRATOR');
UPDATE node n JOIN node o ON o.account_id = n.account_id AND o.kind = 'ROOT'
    SET n.parent_id = o.id WHERE n.parent_id IS NULL AND n.kind = 'CHANNEL';

-- From now on only a root has no parent.
ALTER TABLE node ADD CONSTRAINT ck_node_parent CHECK ((kind = 'ROOT') = (parent_id IS NULL));

-- A master administrator acts on the whole account, groups made after their login included.
ALTER TABLE web_session ADD COLUMN whole_account BOOLEAN NOT NULL DEFAULT FALSE AFTER administrator;
