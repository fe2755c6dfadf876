package io.sessiongate.server.customer;

import io.sessiongate.api.admin.FieldError;
import io.sessiongate.core.rescue.JoinableChannels;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/customer/channels?siteKey=demo}: the channels a customer of that account may
 * enter, for the join page's choice (the smallest public read that makes "choose a channel" possible:
 * the ids the channel join already accepts from anyone, and their names; see {@link JoinableChannels}).
 * No credentials; a read, so nothing a cross-site page could make it do.
 */
@Path("api/v1/customer/channels")
@ApiFamily.Of(ApiFamily.OTHER)
public final class CustomerChannelsResource {

    private final JoinableChannels channels;

    public CustomerChannelsResource(JoinableChannels channels) {
        this.channels = channels;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON})
    public Response list(@QueryParam("siteKey") String siteKey) {
        if (siteKey == null || siteKey.isBlank()) {
            return Problems.invalid(List.of(new FieldError("siteKey", "MISSING",
                    "name the account: ?siteKey=<the site key your support team gave you>")));
        }
        // A key no account can have (too long) reads like an unknown one: an empty list.
        List<JoinableChannels.Channel> found = siteKey.length() > 64 ? List.of() : channels.of(siteKey);
        return Response.ok(Map.of("items", found)).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
