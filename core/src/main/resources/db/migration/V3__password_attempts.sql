-- Failed password tries, one row per key: 'email:<email>' for every try at an email, and
-- 'from:<address>:<email>' for the tries at it from one client address. Rows are locked by the
-- attempt that reads them (SELECT ... FOR UPDATE), so concurrent tries are counted exactly; a
-- row whose last failure is older than the forgetting time is treated as empty and purged.
CREATE TABLE password_attempt (
    attempt_key     VARCHAR(320) NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (attempt_key),
    INDEX ix_password_attempt_time (last_failure_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Replaced by password_attempt: it counted every call, refused ones too, so that a stranger could
-- keep a user locked out.
DROP TABLE login_attempt;
