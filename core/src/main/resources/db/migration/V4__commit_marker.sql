-- One row per transaction on a cluster URL, written just before COMMIT, so that a COMMIT whose
-- connection died with its node can be found out to have committed or not (see CommitMarker).
-- Rows older than an hour are pruned by the server. Galera needs a primary key on every table.
CREATE TABLE commit_marker (
    id           BINARY(16)  NOT NULL,
    committed_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY commit_marker_committed_at (committed_at)
) ENGINE = InnoDB;
