package io.sessiongate.server.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sessiongate.server.testing.AdminApi;
import io.sessiongate.server.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web pages as HTTP sees them (no browser needed): where {@code /} leads, the security headers on
 * every response of the pages, the caching of pages and assets, that every file a page needs is served
 * from this server and nothing is fetched from anywhere else, that no script turns text into HTML, and
 * the customers' public list of channels.
 */
class WebPagesTest {

    private static RequestSpecification http() {
        return given().baseUri(TestServer.get().baseUri().toString()).redirects().follow(false);
    }

    static void assertSecurityHeaders(Response r) {
        assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'; script-src 'self'; "
                + "style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theRootAndAdminWithoutItsSlashLeadToTheAdminPage() {
        for (String path : List.of("/", "/admin")) {
            Response r = http().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.header("Location")).as(path).endsWith("/admin/");
            assertSecurityHeaders(r);
        }
    }

    @Test
    void thePagesCarryTheSecurityHeadersAndAreRevalidatedByTheirETag() {
        for (String path : List.of("/admin/", "/join")) {
            Response r = http().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("text/html;charset=utf-8");
            assertSecurityHeaders(r);
            assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
            String etag = r.header("ETag");
            assertThat(etag).matches("\"[0-9a-f]{20}\"");
            Response again = http().header("If-None-Match", etag).get(path);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.asString()).isEmpty();
            assertSecurityHeaders(again);
        }
    }

    @Test
    void everyFileThePagesNeedIsServedHereImmutableUnderTheBuildIdAndNothingComesFromElsewhere() {
        Set<String> assets = new LinkedHashSet<>();
        Pattern ref = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");
        for (String path : List.of("/admin/", "/join")) {
            Matcher m = ref.matcher(http().get(path).asString());
            while (m.find()) {
                assets.add(m.group(1));
            }
        }
        assertThat(assets).isNotEmpty();
        String build = null;
        List<String> modules = new ArrayList<>();
        for (String asset : assets) {
            assertThat(asset).as("served by this server").matches("/assets/[0-9a-f]{16}/[a-z-]+\\.(js|css|svg)");
            build = asset.split("/")[2];
            Response r = http().get(asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
            assertSecurityHeaders(r);
            if (asset.endsWith(".js")) {
                modules.add(asset);
            }
        }
        // the modules' own imports (relative, so within the same build)
        Pattern imports = Pattern.compile("from '\\./([a-z-]+\\.js)'");
        for (int i = 0; i < modules.size(); i++) {
            Matcher m = imports.matcher(http().get(modules.get(i)).asString());
            while (m.find()) {
                String imported = "/assets/" + build + "/" + m.group(1);
                if (!modules.contains(imported)) {
                    modules.add(imported);
                }
            }
        }
        assertThat(modules).hasSizeGreaterThanOrEqualTo(8);
        for (String module : modules) {
            Response r = http().get(module);
            assertThat(r.statusCode()).as(module).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("text/javascript;charset=utf-8");
            String code = r.asString();
            assertThat(code).as(module + ": no address elsewhere").doesNotContainPattern("https?://");
            assertThat(code).as(module + ": text is never parsed as HTML")
                    .doesNotContainPattern("\\.(innerHTML|outerHTML)\\s*=")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(");
        }
        String css = http().get("/assets/" + build + "/style.css").asString();
        assertThat(css).doesNotContain("url(").doesNotContain("@import");
        // another build's asset (a page of an older process): today's file, to be revalidated; no such file: 404
        Response old = http().get("/assets/0000000000000000/admin.js");
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.header("Cache-Control")).isEqualTo("no-cache");
        Response missing = http().get("/assets/" + build + "/secret.properties");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertSecurityHeaders(missing);
        assertThat(http().get("/assets/" + build + "/..%2Fadmin.html").statusCode()).isEqualTo(404);
    }

    @Test
    void customersListTheChannelsOfAnAccountBySiteKeyAndNothingElse() {
        Response demo = AdminApi.api().queryParam("siteKey", "demo").get("/api/v1/customer/channels");
        assertThat(demo.statusCode()).isEqualTo(200);
        assertThat(demo.asString()).isEqualTo("{\"items\":[{\"id\":3002,\"name\":\"Second Line\"},"
                + "{\"id\":3001,\"name\":\"Support\"}]}");
        assertThat(AdminApi.api().queryParam("siteKey", "no-such-account").get("/api/v1/customer/channels").asString())
                .isEqualTo("{\"items\":[]}");
        Response missing = AdminApi.raw().get("/api/v1/customer/channels");
        assertThat(AdminApi.problem(missing, 422)).isEqualTo("validation-failed");
        assertThat(missing.jsonPath().getString("errors[0].field")).isEqualTo("siteKey");
    }
}
