package io.sessiongate.server;

import io.sessiongate.core.persistence.DatabaseConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server's configuration, read from environment variables or the same names as {@code -D}
 * system properties (a property wins over the variable).
 *
 * @param database   the MariaDB to use; empty to start the embedded one
 * @param demo       load the demo accounts and keep their technicians online
 * @param dataDir    where the embedded MariaDB keeps its files
 * @param bcryptCost the cost factor for new password hashes
 * @param operatorToken {@code SESSIONGATE_OPERATOR_TOKEN}: the operator's token; null to keep (or, on an empty
 *                      database, generate) the stored one
 */
public record ServerConfig(String host, int port, Optional<DatabaseConfig> database, int poolSize, boolean demo,
                           Path dataDir, int bcryptCost, String operatorToken) {

    /** A configuration without an operator token of its own (the tests'). */
    public ServerConfig(String host, int port, Optional<DatabaseConfig> database, int poolSize, boolean demo,
                        Path dataDir, int bcryptCost) {
        this(host, port, database, poolSize, demo, dataDir, bcryptCost, null);
    }

    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", demo=" + demo + ", operatorToken="
                + (operatorToken == null ? "none" : "***") + "]";
    }

    public static final int DEFAULT_PORT = 8080;

    /** Reads the configuration from the process environment and system properties. */
    public static ServerConfig fromEnvironment() {
        return from(name -> {
            String v = System.getProperty(name);
            return v != null ? v : System.getenv(name);
        });
    }

    /** Reads the configuration through {@code settings}, a lookup by variable name. */
    public static ServerConfig from(Function<String, String> settings) {
        Function<String, Optional<String>> get = name -> Optional.ofNullable(settings.apply(name))
                .map(String::trim).filter(v -> !v.isEmpty());
        int poolSize = get.apply("SESSIONGATE_DB_POOL_SIZE").map(v -> integer("SESSIONGATE_DB_POOL_SIZE", v)).orElse(20);
        Optional<DatabaseConfig> database = get.apply("SESSIONGATE_DB_URL").map(url -> new DatabaseConfig(url,
                get.apply("SESSIONGATE_DB_USER").orElse("root"), get.apply("SESSIONGATE_DB_PASSWORD").orElse(""),
                poolSize));
        return new ServerConfig(
                get.apply("SESSIONGATE_HOST").orElse("0.0.0.0"),
                get.apply("SESSIONGATE_PORT").map(v -> integer("SESSIONGATE_PORT", v)).orElse(DEFAULT_PORT),
                database,
                poolSize,
                get.apply("SESSIONGATE_DEMO").map(Boolean::parseBoolean).orElse(database.isEmpty()),
                Path.of(get.apply("SESSIONGATE_DATA_DIR").orElse("data")),
                get.apply("SESSIONGATE_BCRYPT_COST").map(v -> integer("SESSIONGATE_BCRYPT_COST", v)).orElse(10),
                get.apply("SESSIONGATE_OPERATOR_TOKEN").orElse(null));
    }

    /** The variable that sets how long the same report is refused after it was served (getReport_v2). */
    public static final String REPORT_REPEAT_SECONDS = "SESSIONGATE_REPORT_REPEAT_SECONDS";

    /**
     * How long getReport_v2 refuses the same report to the same user after serving it
     * ({@value #REPORT_REPEAT_SECONDS}, whole seconds, 0 for never; default the vendor's 60 s), read
     * through {@code settings} as {@link #from} reads the rest. Kept out of the record so that adding
     * it did not change every place that builds one.
     */
    public static java.time.Duration reportRepeatWindow(Function<String, String> settings) {
        String v = settings.apply(REPORT_REPEAT_SECONDS);
        if (v == null || v.isBlank()) {
            return io.sessiongate.core.report.ReportService.DEFAULT_REPEAT_WINDOW;
        }
        int seconds = integer(REPORT_REPEAT_SECONDS, v.trim());
        if (seconds < 0) {
            throw new IllegalArgumentException(REPORT_REPEAT_SECONDS + " cannot be negative, not '" + v + "'");
        }
        return java.time.Duration.ofSeconds(seconds);
    }

    /** {@link #reportRepeatWindow(Function)} from the process environment and system properties. */
    public static java.time.Duration reportRepeatWindowFromEnvironment() {
        return reportRepeatWindow(name -> {
            String v = System.getProperty(name);
            return v != null ? v : System.getenv(name);
        });
    }

    /** The same configuration on another port (0 for any free one). */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, database, poolSize, demo, dataDir, bcryptCost, operatorToken);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
