package io.sessiongate.core.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The database's check constraint and the Java enum name the same statuses, so neither can drift. */
class SupportSessionStatusTest {

    private static List<String> allowedBy(String constraint) {
        Database db = TestDatabase.get().database();
        String clause = db.inTransaction(s -> s.createNativeQuery("SELECT CHECK_CLAUSE FROM information_schema"
                        + ".CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND CONSTRAINT_NAME = :name",
                String.class).setParameter("name", constraint).getSingleResult());
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(clause);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theStatusConstraintAllowsExactlyTheEnumsNames() {
        assertThat(allowedBy("ck_support_session_status")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(SupportSessionStatus.values()).map(Enum::name).toList());
    }

    @Test
    void theStatusBeforeATransferIsOneOfTheLiveStatuses() {
        assertThat(allowedBy("ck_support_session_before_status")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(SupportSessionStatus.values()).filter(s -> !s.isFinal()).map(Enum::name).toList());
    }
}
