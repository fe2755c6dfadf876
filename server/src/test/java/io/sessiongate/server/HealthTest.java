package io.sessiongate.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.sessiongate.server.testing.TestServer;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void healthNamesTheDatabaseStatusAndTheVersion() {
        given().baseUri(TestServer.get().baseUri().toString())
                .when().get("/health")
                .then().statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("UP"))
                .body("database", equalTo("UP"))
                .body("version", not(emptyOrNullString()));
    }

    @Test
    void everyResponseCarriesItsStatementCount() {
        given().baseUri(TestServer.get().baseUri().toString())
                .when().get("/health")
                .then().header(RequestLogFilter.STATEMENTS_HEADER, equalTo("0"));
    }
}
