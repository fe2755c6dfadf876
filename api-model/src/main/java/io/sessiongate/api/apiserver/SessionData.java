package io.sessiongate.api.apiserver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@code Session.GetSessionData} returns of a web session, named in the spec's style.
 *
 * @param sessionStatus   {@code A}, {@code T} or {@code E}; an Active session idle past its timeout reads {@code T}
 * @param creationTime    ISO-8601, UTC
 * @param lastRequestTime ISO-8601, UTC
 * @param sessionTimeout  minutes without a request after which the session times out
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionData(@JsonProperty("SessionSurrogate") long sessionSurrogate,
                          @JsonProperty("SessionSiteKey") String sessionSiteKey,
                          @JsonProperty("SessionUserSurrogate") Long sessionUserSurrogate,
                          @JsonProperty("IpAddress") String ipAddress,
                          @JsonProperty("SessionStatus") String sessionStatus,
                          @JsonProperty("Roles") List<Role> roles,
                          @JsonProperty("FolderList") FolderList folderList,
                          @JsonProperty("CreationTime") String creationTime,
                          @JsonProperty("LastRequestTime") String lastRequestTime,
                          @JsonProperty("RequestCount") long requestCount,
                          @JsonProperty("SessionTimeout") int sessionTimeout) {

    public SessionData {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A role of the session's snapshot. */
    public record Role(@JsonProperty("RoleSurrogate") long roleSurrogate,
                       @JsonProperty("RoleName") String roleName,
                       @JsonProperty("RolePriority") int rolePriority) {
    }

    /** The session's folder list: the group nodes its administrator acts in. */
    public record FolderList(@JsonProperty("FolderListID") long folderListId,
                             @JsonProperty("Name") String name,
                             @JsonProperty("Groups") List<Long> groups) {
        public FolderList {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }
}
