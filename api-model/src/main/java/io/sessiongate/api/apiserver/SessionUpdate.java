package io.sessiongate.api.apiserver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The input of {@code Session.Update} and {@code Session.UpdateValidation}, with the spec's field
 * names. Every field is the raw text the caller sent, so that the validator can report a value of
 * the wrong type as an error of its field rather than fail to read the whole request.
 *
 * @param sessionSurrogate          the web session to update (mandatory)
 * @param sessionSiteKey            the site it belongs to (mandatory)
 * @param sessionUserSurrogate      the user owning the session (optional; never changes once set)
 * @param ipAddress                 the address the session's requests come from (optional)
 * @param sessionStatus             {@code A}, {@code T}, {@code E} or {@code Active}, {@code TimedOut}, {@code Ended}
 * @param refreshRolesAndFolderList {@code Y} to re-derive roles and folder list, {@code N} (default) not to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionUpdate(
        @JsonProperty("SessionSurrogate") String sessionSurrogate,
        @JsonProperty("SessionSiteKey") String sessionSiteKey,
        @JsonProperty("SessionUserSurrogate") String sessionUserSurrogate,
        @JsonProperty("IpAddress") String ipAddress,
        @JsonProperty("SessionStatus") String sessionStatus,
        @JsonProperty("RefreshRolesAndFolderList") String refreshRolesAndFolderList) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request with typed values; what is not set is not sent. */
    public static final class Builder {
        private String sessionSurrogate;
        private String sessionSiteKey;
        private String sessionUserSurrogate;
        private String ipAddress;
        private String sessionStatus;
        private String refresh;

        private Builder() {
        }

        public Builder sessionSurrogate(long surrogate) {
            this.sessionSurrogate = Long.toString(surrogate);
            return this;
        }

        public Builder siteKey(String siteKey) {
            this.sessionSiteKey = siteKey;
            return this;
        }

        public Builder userSurrogate(long userSurrogate) {
            this.sessionUserSurrogate = Long.toString(userSurrogate);
            return this;
        }

        public Builder ipAddress(String ipAddress) {
            this.ipAddress = ipAddress;
            return this;
        }

        public Builder status(SessionStatus status) {
            this.sessionStatus = status.code();
            return this;
        }

        public Builder refreshRolesAndFolderList(boolean refresh) {
            this.refresh = refresh ? "Y" : "N";
            return this;
        }

        public SessionUpdate build() {
            return new SessionUpdate(sessionSurrogate, sessionSiteKey, sessionUserSurrogate, ipAddress, sessionStatus,
                    refresh);
        }
    }
}
