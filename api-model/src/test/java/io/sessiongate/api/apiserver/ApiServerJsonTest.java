package io.sessiongate.api.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiServerJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSessionUpdateIsWrittenWithTheSpecsFieldNames() throws Exception {
        SessionUpdate update = SessionUpdate.builder().sessionSurrogate(42).siteKey("demo").userSurrogate(7)
                .ipAddress("192.0.2.1").status(SessionStatus.ENDED).refreshRolesAndFolderList(true).build();
        String text = json.writeValueAsString(update);
        assertThat(text).isEqualTo("{\"SessionSurrogate\":\"42\",\"SessionSiteKey\":\"demo\","
                + "\"SessionUserSurrogate\":\"7\",\"IpAddress\":\"192.0.2.1\",\"SessionStatus\":\"E\","
                + "\"RefreshRolesAndFolderList\":\"Y\"}");
        assertThat(json.readValue(text, SessionUpdate.class)).isEqualTo(update);
        assertThat(json.readValue("{\"SessionSurrogate\":42,\"Other\":1}", SessionUpdate.class).sessionSurrogate())
                .isEqualTo("42");
    }

    @Test
    void theReplyCarriesAtMostTwentyErrorsAndCountsThoseItCarries() throws Exception {
        List<ApiServerError> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(ApiServerError.of(ErrorCode.STATUS_INVALID, "SessionStatus", "bad " + i));
        }
        ApiServerReply reply = ApiServerReply.failed(many);
        assertThat(reply.numberOfErrors()).isEqualTo(20);
        assertThat(reply.errorArray()).hasSize(20);
        String text = json.writeValueAsString(ApiServerReply.failed(many.subList(0, 1)));
        assertThat(text).isEqualTo("{\"ReturnedStatus\":\"*Error\",\"NumberOfErrors\":1,\"ErrorArray\":"
                + "[{\"ErrorMessage\":\"bad 0\",\"Field\":\"SessionStatus\",\"Code\":\"STATUS_INVALID\"}]}");
        assertThat(json.readValue(text, ApiServerReply.class)).isEqualTo(ApiServerReply.failed(many.subList(0, 1)));
        assertThat(json.writeValueAsString(ApiServerReply.successful()))
                .isEqualTo("{\"ReturnedStatus\":\"*Successful\",\"NumberOfErrors\":0,\"ErrorArray\":[]}");
    }

    @Test
    void statusesReadInBothSpellings() {
        assertThat(SessionStatus.parse("e")).contains(SessionStatus.ENDED);
        assertThat(SessionStatus.parse("TimedOut")).contains(SessionStatus.TIMED_OUT);
        assertThat(SessionStatus.parse(" active ")).contains(SessionStatus.ACTIVE);
        assertThat(SessionStatus.parse("X")).isEmpty();
    }
}
