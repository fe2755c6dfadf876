package io.sessiongate.server.web;

import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.ProblemType;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;

/**
 * The web pages, served by the server itself from its resources: {@code /} sends the browser to
 * {@code /admin/}, the administrator's page; {@code /join} is the customer's page; their scripts,
 * stylesheet and icon are under {@code /assets/<build>/} ({@link WebAssets}). Every response carries
 * {@link PageHeaders}. The pages are static: what they show comes from the JSON API ({@code /api/v1})
 * and the Rescue login, on the same login cookie.
 *
 * <p>Caching: a page is {@code no-cache} with an ETag (revalidated each time, 304 when unchanged); an
 * asset of the current build is {@code immutable} for a year (its path changes with its bytes); an asset
 * asked under another build id (a page of an older server) is served as it is now, {@code no-cache}.
 */
@Path("/")
@ApiFamily.Of(ApiFamily.OTHER)
public final class WebPages {

    /** Where {@code /} leads. */
    public static final String ADMIN = "/admin/";

    private final WebAssets files = new WebAssets();

    @GET
    public Response root() {
        return redirect(ADMIN);
    }

    @GET
    @Path("admin")
    public Response admin(@Context UriInfo uri, @Context HttpHeaders headers) {
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            return redirect(ADMIN);
        }
        return page("admin.html", headers);
    }

    @GET
    @Path("join")
    public Response join(@Context HttpHeaders headers) {
        return page("join.html", headers);
    }

    @GET
    @Path("assets/{build}/{file}")
    public Response asset(@PathParam("build") String build, @PathParam("file") String file,
                          @Context HttpHeaders headers) {
        return files.asset(file).map(f -> build.equals(files.build())
                        ? send(f, "public, max-age=31536000, immutable", headers)
                        : send(f, "no-cache", headers))
                .orElseGet(() -> PageHeaders.apply(Response.fromResponse(Problems.response(ProblemType.NOT_FOUND,
                        "no such file"))).header(HttpHeaders.CACHE_CONTROL, "no-cache").build());
    }

    private Response page(String name, HttpHeaders headers) {
        return send(files.page(name), "no-cache", headers);
    }

    private static Response send(WebAssets.File file, String cacheControl, HttpHeaders headers) {
        String match = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean unchanged = match != null && Arrays.stream(match.split(","))
                .map(String::trim).anyMatch(tag -> tag.equals(file.etag()) || tag.equals("*"));
        Response.ResponseBuilder reply = unchanged ? Response.notModified()
                : Response.ok(file.bytes()).type(file.type());
        return PageHeaders.apply(reply).header(HttpHeaders.ETAG, file.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    private static Response redirect(String to) {
        return PageHeaders.apply(Response.status(Response.Status.FOUND).location(URI.create(to)))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
