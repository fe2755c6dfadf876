package io.sessiongate.core.persistence;

import java.util.Objects;

/**
 * Where the MariaDB server is and how many connections to keep to it.
 *
 * @param jdbcUrl  a {@code jdbc:mariadb://host:port/database} URL
 * @param user     the database user
 * @param password the database password; never logged
 * @param poolSize the maximum number of pooled connections
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + Database.redact(jdbcUrl) + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
