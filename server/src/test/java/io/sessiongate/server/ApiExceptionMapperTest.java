package io.sessiongate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.problem.Problem;
import io.sessiongate.core.persistence.DataAccessException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The JSON API's answer to a conflict the database reports: a 409 problem, never a 500. */
class ApiExceptionMapperTest {

    private final ApiExceptionMapper mapper = new ApiExceptionMapper();

    @Test
    void aDuplicateEntryOnTheJsonApiIsA409ProblemWithoutAnIncident() {
        Response r = mapper.toResponse(new DataAccessException.DuplicateEntry("uk_role_name", null));
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(r.getHeaderString(Incidents.HEADER)).isNull();
        Problem p = (Problem) r.getEntity();
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.title()).isEqualTo("Conflict");
    }

    @Test
    void aStaleUpdateOnTheJsonApiIsA409ProblemAndAnyOtherFaultA500WithItsIncident() {
        assertThat(mapper.toResponse(new DataAccessException.StaleUpdate("changed", null)).getStatus()).isEqualTo(409);
        Response fault = mapper.toResponse(new IllegalStateException("a bug"));
        assertThat(fault.getStatus()).isEqualTo(500);
        assertThat(fault.getHeaderString(Incidents.HEADER)).matches("[0-9a-f]{16}");
        assertThat(((Problem) fault.getEntity()).toString()).doesNotContain("a bug");
    }
}
