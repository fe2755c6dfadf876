package io.sessiongate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void withoutADatabaseUrlTheEmbeddedDatabaseAndTheDemoAreUsed() {
        ServerConfig c = ServerConfig.from(Map.<String, String>of()::get);
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.database()).isEmpty();
        assertThat(c.demo()).isTrue();
    }

    @Test
    void aDatabaseUrlTurnsTheDemoOffUnlessAskedFor() {
        ServerConfig c = ServerConfig.from(Map.of("SESSIONGATE_DB_URL", "jdbc:mariadb://db:3306/sg",
                "SESSIONGATE_DB_USER", "sg", "SESSIONGATE_PORT", "9090")::get);
        assertThat(c.database()).hasValueSatisfying(d -> assertThat(d.user()).isEqualTo("sg"));
        assertThat(c.demo()).isFalse();
        assertThat(c.port()).isEqualTo(9090);
        assertThat(ServerConfig.from(Map.of("SESSIONGATE_DB_URL", "jdbc:mariadb://db/sg", "SESSIONGATE_DEMO", "true")::get)
                .demo()).isTrue();
    }

    @Test
    void theReportRepeatWindowIsTheVendorsMinuteUnlessSet() {
        assertThat(ServerConfig.reportRepeatWindow(Map.<String, String>of()::get)).hasSeconds(60);
        assertThat(ServerConfig.reportRepeatWindow(Map.of("SESSIONGATE_REPORT_REPEAT_SECONDS", " 5 ")::get))
                .hasSeconds(5);
        assertThat(ServerConfig.reportRepeatWindow(Map.of("SESSIONGATE_REPORT_REPEAT_SECONDS", "0")::get)).isZero();
        assertThatThrownBy(() -> ServerConfig.reportRepeatWindow(Map.of("SESSIONGATE_REPORT_REPEAT_SECONDS", "-1")::get))
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> ServerConfig.reportRepeatWindow(Map.of("SESSIONGATE_REPORT_REPEAT_SECONDS", "1m")::get))
                .hasMessageContaining("SESSIONGATE_REPORT_REPEAT_SECONDS must be a whole number");
    }

    @Test
    void aBadPortIsAClearError() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("SESSIONGATE_PORT", "eighty")::get))
                .hasMessageContaining("SESSIONGATE_PORT must be a whole number");
    }

    @Test
    void thePasswordNeverAppearsInTheConfigurationsText() {
        ServerConfig c = ServerConfig.from(Map.of("SESSIONGATE_DB_URL", "jdbc:mariadb://db/sg",
                "SESSIONGATE_DB_PASSWORD", "s3cret-value")::get);
        assertThat(c.toString()).doesNotContain("s3cret-value");
    }
}
