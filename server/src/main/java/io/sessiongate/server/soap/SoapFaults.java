package io.sessiongate.server.soap;

import jakarta.ws.rs.core.Response;

/** The SOAP endpoint's error shape: a server fault in the request's SOAP version, naming the incident. */
public final class SoapFaults {

    private SoapFaults() {
    }

    /** The 500 fault of an incident, in the SOAP version {@code contentType} asks for. */
    public static Response serverFault(String contentType, String incident) {
        SoapVersion version = SoapVersion.ofContentType(contentType);
        return Response.status(500).type(version.contentType)
                .entity(version.fault(version.serverFault, "Server error; incident " + incident)).build();
    }
}
