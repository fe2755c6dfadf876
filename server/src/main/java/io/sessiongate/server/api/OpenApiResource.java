package io.sessiongate.server.api;

import io.sessiongate.server.ApiFamily;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code GET /api/v1/openapi.json}, the document, and {@code /api/v1/docs/}, the API browser: the
 * Swagger UI of the {@code org.webjars:swagger-ui} jar on the classpath (no CDN), with an initializer
 * of our own that points at the document, under a Content-Security-Policy that allows nothing but
 * this server.
 */
@Path("api/v1")
@ApiFamily.Of(ApiFamily.OTHER)
public final class OpenApiResource {

    /** The Swagger UI files, as the webjar ships them. */
    static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    /** Swagger UI sets styles inline; scripts, images and requests stay on this server. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "html", "text/html; charset=utf-8", "png", "image/png");

    /** The files served from our resources rather than the webjar's. */
    private static final java.util.Set<String> OWN = java.util.Set.of("index.html", "swagger-initializer.js");

    private final OpenApiDocument document;
    private final String webjarVersion;

    public OpenApiResource(OpenApiDocument document) {
        this.document = document;
        this.webjarVersion = webjarVersion();
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        return Response.ok(document.json()).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-cache").build();
    }

    /** The browser's page: our own, whose links are absolute, so it works with or without a final slash. */
    @GET
    @Path("docs")
    public Response docs() {
        return file("index.html");
    }

    @GET
    @Path("docs/{file}")
    public Response file(@PathParam("file") String file) {
        if (!file.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,80}") || file.endsWith(".map")) {
            throw new NotFoundException();
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        InputStream in = OWN.contains(file)
                ? OpenApiResource.class.getClassLoader().getResourceAsStream("docs/" + file)
                : OpenApiResource.class.getClassLoader().getResourceAsStream(WEBJAR + webjarVersion + "/" + file);
        if (type == null || in == null) {
            throw new NotFoundException();
        }
        try (in) {
            return Response.ok(in.readAllBytes()).type(type).header("Content-Security-Policy", CSP)
                    .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Cache-Control", "public, max-age=3600").build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the API browser's " + file, e);
        }
    }

    /** The webjar's version, from its Maven metadata (so a version bump needs no code change). */
    private static String webjarVersion() {
        try (InputStream in = OpenApiResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
