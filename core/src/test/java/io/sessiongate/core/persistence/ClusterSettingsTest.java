package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which URLs name a cluster, and what that changes. */
class ClusterSettingsTest {

    @Test
    void aUrlWithSeveralHostsOrAFailoverModeIsACluster() {
        assertThat(ClusterSettings.isCluster("jdbc:mariadb:sequential://h1:3306,h2:3306,h3:3306/sessiongate")).isTrue();
        assertThat(ClusterSettings.isCluster("jdbc:mariadb:loadbalance://h1,h2/sessiongate?galeraAllowedState=4"))
                .isTrue();
        assertThat(ClusterSettings.isCluster("jdbc:mariadb://h1:3306,h2:3306/sessiongate")).isTrue();
        assertThat(ClusterSettings.isCluster("jdbc:mariadb://127.0.0.1:3306/sessiongate")).isFalse();
        assertThat(ClusterSettings.isCluster("jdbc:mariadb://localhost/sessiongate?a=1,2")).isFalse();
    }

    @Test
    void onlyAClusterWaitsOutAnEviction() {
        assertThat(ClusterSettings.poolWaitMillis(false)).isEqualTo(3_000);
        assertThat(ClusterSettings.poolWaitMillis(true)).isGreaterThan(6_000 + 3_000);
    }
}
