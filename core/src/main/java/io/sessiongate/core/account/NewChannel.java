package io.sessiongate.core.account;

/** A channel, under the account's root; only a caller who acts on the whole account reaches the root. */
public record NewChannel(String name, String status, String description) {
}
