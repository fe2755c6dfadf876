package io.sessiongate.core.rescue;

import java.util.List;

/**
 * requestPINCode's parameters as they came: {@code cfield0..5} (null when absent), {@code tracking0},
 * {@code notechconsole} (1 or true: the technician's console need not run), and for
 * {@code requestPINCode_v3} the {@code NodeId} of the technician the PIN is for (null: the caller);
 * the session's {@code language} (the Rescue methods have none: {@link #DEFAULT_LANGUAGE}; the
 * administration API's {@code POST .../support-sessions} sets it).
 */
public record PinCodeRequest(List<String> customFields, String tracking0, String noTechConsole, String nodeId,
                             String language) {

    /** The language of a session whose caller named none. */
    public static final String DEFAULT_LANGUAGE = "en";

    public PinCodeRequest {
        if (customFields.size() != MAX_FIELD_LENGTHS.size()) {
            throw new IllegalArgumentException("six custom fields, null when absent");
        }
        customFields = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(customFields));
        language = language == null ? DEFAULT_LANGUAGE : language;
    }

    /** The Rescue methods' parameters: no language of their own. */
    public PinCodeRequest(List<String> customFields, String tracking0, String noTechConsole, String nodeId) {
        this(customFields, tracking0, noTechConsole, nodeId, DEFAULT_LANGUAGE);
    }

    /** The vendor's lengths of {@code cfield0..5}; a longer value is refused ({@code ERROR}), never cut. */
    public static final List<Integer> MAX_FIELD_LENGTHS = List.of(64, 512, 512, 256, 64, 64);

    /** The vendor's length of {@code tracking0}. */
    public static final int MAX_TRACKING_LENGTH = 64;
}
