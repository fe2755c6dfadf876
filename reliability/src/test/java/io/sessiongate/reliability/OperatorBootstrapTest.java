package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first start on an empty database, by two processes at once: exactly one generates the operator
 * token and prints it (once); it works on both; a restart does not print it again.
 */
class OperatorBootstrapTest {

    private static final Pattern TOKEN = Pattern.compile("\\s(sgo_[a-z0-9]{48})");

    @Test
    void twoProcessesStartingAtOnceOnAnEmptyDatabaseGenerateOneOperatorToken() throws Exception {
        String url = SuiteDatabase.get().freshDatabase("bootstrap");
        CompletableFuture<ServerProcess> first = CompletableFuture.supplyAsync(() -> ServerProcess.start(url));
        CompletableFuture<ServerProcess> second = CompletableFuture.supplyAsync(() -> ServerProcess.start(url));
        try (ServerProcess a = first.get(); ServerProcess b = second.get()) {
            Thread.sleep(500); // the log is written asynchronously
            List<String> tokens = new ArrayList<>();
            for (ServerProcess p : List.of(a, b)) {
                Matcher m = TOKEN.matcher(p.logText());
                while (m.find()) {
                    tokens.add(m.group(1));
                }
            }
            assertThat(tokens).as("printed once, by one process").hasSize(1);
            String token = tokens.get(0);
            for (ServerProcess p : List.of(a, b)) {
                assertThat(Http.send(HttpRequest.newBuilder(URI.create(p.base() + "api/v1/accounts"))
                        .header("Authorization", "Bearer " + token).build()).statusCode()).isEqualTo(200);
                assertThat(Http.send(HttpRequest.newBuilder(URI.create(p.base() + "api/v1/accounts"))
                        .header("Authorization", "Bearer sgo_" + "x".repeat(48)).build()).statusCode()).isEqualTo(401);
            }
            String printed = a.logText().contains(token) ? a.logText() : b.logText();
            assertThat(printed).contains("Use it to create accounts");
            try (ServerProcess again = ServerProcess.start(url)) {
                Thread.sleep(500);
                assertThat(TOKEN.matcher(again.logText()).find()).as("never printed again").isFalse();
                assertThat(again.logText()).contains("operator token: the one generated at the first start");
            }
            System.out.printf("[operator bootstrap] two processes at once on an empty database: one generated and "
                    + "printed the token (%s...), both accept it; a third start printed nothing%n",
                    token.substring(0, 8));
        }
    }
}
