package io.sessiongate.server.soap;

/** SOAP 1.1 or 1.2: the envelope namespace, the content type and the fault codes of each. */
enum SoapVersion {
    V1_1("http://schemas.xmlsoap.org/soap/envelope/", "text/xml; charset=utf-8", "soap:Client", "soap:Server",
            "soap:VersionMismatch"),
    V1_2("http://www.w3.org/2003/05/soap-envelope", "application/soap+xml; charset=utf-8", "soap:Sender",
            "soap:Receiver", "soap:VersionMismatch");

    final String envelopeNamespace;
    final String contentType;
    final String callerFault;
    final String serverFault;
    final String versionMismatch;

    SoapVersion(String envelopeNamespace, String contentType, String callerFault, String serverFault,
                String versionMismatch) {
        this.envelopeNamespace = envelopeNamespace;
        this.contentType = contentType;
        this.callerFault = callerFault;
        this.serverFault = serverFault;
        this.versionMismatch = versionMismatch;
    }

    /** The version a request's content type names: {@code application/soap+xml} is 1.2, anything else 1.1. */
    static SoapVersion ofContentType(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/soap+xml")
                ? V1_2 : V1_1;
    }

    /** An envelope of this version around {@code body} (already XML). */
    String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"" + envelopeNamespace + "\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    /** A fault of this version. */
    String fault(String code, String reason) {
        String text = Xml.escape(reason);
        if (this == V1_1) {
            return envelope("<soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + text
                    + "</faultstring></soap:Fault>");
        }
        return envelope("<soap:Fault><soap:Code><soap:Value>" + code + "</soap:Value></soap:Code>"
                + "<soap:Reason><soap:Text xml:lang=\"en\">" + text + "</soap:Text></soap:Reason></soap:Fault>");
    }
}
