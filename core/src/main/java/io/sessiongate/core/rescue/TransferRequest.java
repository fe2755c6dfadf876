package io.sessiongate.core.rescue;

/**
 * A transferSession call's parameters as they arrived, unparsed: the service reads them in the
 * vendor's order of checks, so that a bad value yields the code the vendor would answer.
 */
public record TransferRequest(String session, String node, String nodeRef, String comment) {
}
