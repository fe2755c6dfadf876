package io.sessiongate.server.rescue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sessiongate.server.RequestBody;
import io.sessiongate.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** What every /API/*.aspx reply looks like, whatever the request: vendor text codes, never a page or a trace. */
class RescueTransportTest {

    private final String base = TestServer.get().baseUri().toString();

    @Test
    void anUnknownMethodIs404Error() {
        for (String path : new String[] {"/API/nosuchmethod.aspx", "/API/transferSession", "/api/login.asp"}) {
            Response r = given().baseUri(base).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.asString()).as(path).isEqualTo("ERROR");
            assertThat(r.contentType()).as(path).startsWith("text/plain");
        }
    }

    @Test
    void pathsAndMethodNamesMatchWhateverTheirCase() {
        for (String path : new String[] {"/API/logout.aspx", "/api/LOGOUT.aspx", "/Api/LogOut.ASPX"}) {
            assertThat(given().baseUri(base).get(path).asString()).as(path).isEqualTo("NOTLOGGEDIN");
        }
    }

    @Test
    void aWrongHttpMethodOrAnUnreadableQueryIsErrorText() {
        Response put = given().baseUri(base).put("/API/login.aspx");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.asString()).isEqualTo("ERROR");
        Response badEncoding = given().baseUri(base).contentType("application/x-www-form-urlencoded")
                .body("email=%ZZ&pwd=x").post("/API/login.aspx");
        assertThat(badEncoding.asString()).isEqualTo("ERROR");
    }

    @Test
    void anOversizedFormIsRefusedWithErrorText() {
        Response r = given().baseUri(base).contentType("application/x-www-form-urlencoded")
                .body("email=" + "a".repeat(RequestBody.MAX_BYTES + 10)).post("/API/login.aspx");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.asString()).isEqualTo("ERROR");
    }

    @Test
    void aPostFromADefaultJdkHttpClientOfferingAnH2cUpgradeIsReadOverHttp11() throws Exception {
        // HttpClient's default version sends "Upgrade: h2c" with the body; Grizzly used to drop the body
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var reply = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "API/login.aspx"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=nobody%40x.example&pwd=x")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("INVALID");
    }

    @Test
    void aBodyThatIsNotAFormIsRefusedWithErrorButAnEmptyPostIsServed() {
        // text/plain, JSON and untyped bodies are what a cross-origin page may send without a preflight.
        assertThat(given().baseUri(base).contentType("text/plain").body("email=x&pwd=y").post("/API/login.aspx")
                .then().statusCode(415).extract().asString()).isEqualTo("ERROR");
        assertThat(given().baseUri(base).contentType("application/json").body("{\"email\":1}")
                .post("/API/login.aspx").then().statusCode(415).extract().asString()).isEqualTo("ERROR");
        assertThat(given().baseUri(base).post("/API/login.aspx?email=x&pwd=y").asString()).isEqualTo("INVALID");
    }
}
