package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A configuration can be logged: no password shows, not even one written into the URL. */
class DatabaseConfigTest {

    @Test
    void toStringShowsNeitherThePasswordNorOneInTheUrl() {
        DatabaseConfig config = new DatabaseConfig("jdbc:mariadb://db:3306/sg?user=sg&password=s3cret", "sg",
                "other-secret", 5);
        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("other-secret")
                .contains("password=***").contains("db:3306");
    }
}
