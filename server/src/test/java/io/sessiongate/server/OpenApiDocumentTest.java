package io.sessiongate.server;

import static io.sessiongate.server.testing.AdminApi.api;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.sessiongate.server.api.ProblemType;
import io.sessiongate.server.testing.AdminApi;
import io.sessiongate.server.testing.TestServer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document: valid OpenAPI 3.0.3, complete (every JAX-RS route under /api/v1 is in
 * it, and nothing else), listing every problem type; and the API browser that shows it.
 */
class OpenApiDocumentTest {

    private final TestServer server = TestServer.get();

    private JsonNode document() throws Exception {
        return new ObjectMapper().readTree(AdminApi.document());
    }

    @Test
    void theDocumentIsValidOpenApi303() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(AdminApi.document(), null, null);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
        long operations = parsed.getOpenAPI().getPaths().values().stream().mapToLong(p -> p.readOperations().size())
                .sum();
        System.out.printf("[openapi] %d paths, %d operations, %d schemas%n", parsed.getOpenAPI().getPaths().size(),
                operations, parsed.getOpenAPI().getComponents().getSchemas().size());
        assertThat(operations).isGreaterThanOrEqualTo(25);
    }

    @Test
    void everyJaxRsRouteUnderApiV1IsDocumentedAndEveryDocumentedOperationExists() throws Exception {
        ResourceConfig application = SessionGate.application(server.core(), "test");
        Set<String> routes = new TreeSet<>();
        List<Object> resources = new ArrayList<>(application.getInstances());
        resources.addAll(application.getClasses());
        for (Object r : resources) {
            Class<?> type = r instanceof Class<?> c ? c : r.getClass();
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                walk(Resource.from(type), "", routes);
            }
        }
        Set<String> documented = new TreeSet<>();
        document().get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (Set.of("get", "put", "post", "patch", "delete").contains(m)) {
                documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        assertThat(routes).isNotEmpty();
        assertThat(documented).as("the JAX-RS routes under /api/v1").containsExactlyInAnyOrderElementsOf(routes);
    }

    private static void walk(Resource resource, String prefix, Set<String> routes) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod m : resource.getResourceMethods()) {
            if (path.startsWith("/api/v1")) {
                routes.add(m.getHttpMethod() + " " + path);
            }
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path, routes);
        }
    }

    /** A Jersey path template as OpenAPI writes it: one leading slash, no trailing one, {name} without a regex. */
    private static String join(String prefix, String path) {
        String p = (prefix + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        Matcher m = Pattern.compile("\\{(\\w+)\\s*:[^}]*}").matcher(p);
        p = m.replaceAll("{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Test
    void everyProblemTypeIsInTheDocument() throws Exception {
        List<String> documented = new ArrayList<>();
        document().at("/components/schemas/Problem/properties/type/enum").forEach(t -> documented.add(t.asText()));
        for (ProblemType t : ProblemType.values()) {
            assertThat(documented).contains(t.uri());
        }
    }

    @Test
    void theApiBrowserIsServedFromThisServerUnderAStrictContentSecurityPolicy() {
        Response page = api().get("/api/v1/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'");
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.asString());
        int assets = 0;
        while (refs.find()) {
            assertThat(refs.group(1)).as("served here, never from a CDN").startsWith("/api/v1/docs/");
            Response asset = api().get(refs.group(1));
            assertThat(asset.statusCode()).as(refs.group(1)).isEqualTo(200);
            assets++;
        }
        assertThat(assets).isGreaterThanOrEqualTo(5);
        assertThat(api().get("/api/v1/docs/swagger-initializer.js").asString()).contains("url: \"/api/v1/openapi.json\"")
                .doesNotContain("petstore");
        assertThat(AdminApi.raw().get("/api/v1/docs/..%2Fsecret").statusCode()).isEqualTo(404);
        assertThat(AdminApi.raw().get("/api/v1/docs/nothing.js").statusCode()).isEqualTo(404);
    }
}
