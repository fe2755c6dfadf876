package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** After a run of every way to present a secret, none is in the database or in any server log in clear. */
class SecretsTest {

    @Test
    void noPasswordCookieOrAuthCodeIsStoredOrLoggedInClear() throws IOException {
        SuiteDatabase db = SuiteDatabase.get();
        TestAccount account = db.accounts().create(1);
        List<String> secrets = new ArrayList<>(List.of(TestAccounts.ADMIN_PASSWORD, TestAccounts.TECH_PASSWORD));
        try (ServerProcess server = ServerProcess.start(db.jdbcUrl())) {
            String base = server.base();
            String cookie = Http.login(base, account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
            String tech = Http.login(base, account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
            String code = Http.rescue(base, "requestAuthCode.aspx", null, "email", account.adminEmail(), "pwd",
                    TestAccounts.ADMIN_PASSWORD).body().substring("OK\nAUTHCODE:".length());
            secrets.addAll(List.of(cookie, tech, code));
            Http.rescue(base, "login.aspx", null, "email", account.adminEmail(), "pwd", "wrong-" + code);
            Http.rescue(base, "transferSession.aspx", null, "session", account.sessionIds().get(0), "node",
                    account.onlineTechNodeId(), "authcode", code);
            Http.rescue(base, "transferSession.aspx", null, "session", "x", "node", "y", "authcode", code + "0");
            Http.rescue(base, "getSession_v3.aspx", cookie, "node", account.channelId(), "noderef", "CHANNEL");
            Http.send(HttpRequest.newBuilder(URI.create(base + "APIServer/Session.Update?authcode=" + code))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + code)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"SessionSiteKey\":\"" + code + "\"}")).build());
            Http.send(HttpRequest.newBuilder(URI.create(base + "API/API.asmx")).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/"
                            + "soap/envelope/\"><soap:Body><login xmlns=\"https://secure.logmeinrescue.com/API/API.asmx\">"
                            + "<sEmail>" + account.adminEmail() + "</sEmail><sPassword>" + TestAccounts.ADMIN_PASSWORD
                            + "</sPassword></login></soap:Body></soap:Envelope>")).build());
            Http.rescue(base, "logout.aspx", cookie);
        }
        StringBuilder dump = new StringBuilder();
        int tables = 0;
        long rows = 0;
        List<String> names = db.database().inTransaction(s -> s.createNativeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", String.class)
                .getResultList());
        for (String table : names) {
            List<Object[]> all = db.database().inTransaction(s -> s.createNativeQuery("SELECT * FROM `" + table + "`",
                    Object[].class).getResultList());
            tables++;
            rows += all.size();
            for (Object[] row : all) {
                for (Object v : row) {
                    dump.append(v).append('\u0001');
                }
            }
        }
        StringBuilder logs = new StringBuilder();
        List<Path> logFiles;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            logFiles = files.filter(p -> p.getFileName().toString().matches("server-\\d+\\.log")).toList();
        }
        for (Path log : logFiles) {
            logs.append(Files.readString(log));
        }
        for (String secret : secrets) {
            assertThat(dump.indexOf(secret)).as("a secret in the database").isEqualTo(-1);
            assertThat(logs.indexOf(secret)).as("a secret in the server logs").isEqualTo(-1);
        }
        System.out.printf("[secrets] %d secrets (passwords, cookies, an auth code) looked for in %d tables (%d rows, "
                + "%d characters) and %d server logs (%d characters): none found%n", secrets.size(), tables, rows,
                dump.length(), logFiles.size(), logs.length());
    }
}
