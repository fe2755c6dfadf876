package io.sessiongate.api.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RescueCodesTest {

    @Test
    void transferSessionHasTheSevenDocumentedCodes() {
        assertThat(Arrays.stream(TransferSessionResult.values()).map(TransferSessionResult::httpCode))
                .containsExactlyInAnyOrder("OK", "ERROR", "NOTLOGGEDINASADMIN", "ACTIONFAILED", "INVALIDPARAM_NODE",
                        "INVALID_SECRETAUTHCODE", "USER_DELETED_OR_DISABLED");
        assertThat(Arrays.stream(TransferSessionResult.values()).map(TransferSessionResult::soapValue))
                .allMatch(v -> v.startsWith("transferSessionRet_"));
    }

    @Test
    void everyHttpCodeParsesBackToItsConstant() {
        for (TransferSessionResult r : TransferSessionResult.values()) {
            assertThat(TransferSessionResult.fromHttpCode(r.httpCode())).contains(r);
        }
        assertThat(TransferSessionResult.fromHttpCode("ok")).isEmpty();
    }

    @Test
    void nodeRefParsesCaseInsensitivelyAndRejectsTheRest() {
        assertThat(NodeRef.parse("channel")).contains(NodeRef.CHANNEL);
        assertThat(NodeRef.parse(" NODE ")).contains(NodeRef.NODE);
        assertThat(NodeRef.parse("GROUP")).isEmpty();
        assertThat(NodeRef.parse(null)).isEmpty();
    }

    @Test
    void loginSoapValuesFollowTheVendorNames() {
        assertThat(LoginResult.LIMIT_REACHED.soapValue()).isEqualTo("login_LimitReached");
        assertThat(LoginResult.LIMIT_REACHED.httpCode()).isEqualTo("LIMITREACHED");
        assertThat(LogoutResult.NOT_LOGGED_IN.soapValue()).isEqualTo("logout_NotLoggedIn");
    }

    @Test
    void anAuthCodeReplyIsReadBackAndNothingElseIs() {
        assertThat(RescueReply.authCode("abc123")).isEqualTo("OK\nAUTHCODE:abc123");
        assertThat(RescueReply.authCodeOf("OK\nAUTHCODE:abc123")).contains("abc123");
        assertThat(RescueReply.authCodeOf("OK\nAUTHCODE:")).isEmpty();
        assertThat(RescueReply.authCodeOf("INVALID")).isEmpty();
    }
}
