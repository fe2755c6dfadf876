/**
 * The typed Java client of sessiongate: the Rescue API and the APIServer session API without
 * touching HTTP. Return codes are values; only transport failures and unreadable replies throw
 * {@link io.sessiongate.client.SessionGateException}. Every call has an {@code ...Async} variant
 * returning a {@link java.util.concurrent.CompletableFuture}.
 *
 * <pre>{@code
 * SessionGateClient client = SessionGateClient.builder("http://localhost:8080")
 *         .requestTimeout(Duration.ofSeconds(10))
 *         .build();
 * RescueApi rescue = client.rescue();
 * if (rescue.login("admin@demo.example", "demo-admin") == LoginResult.OK) {
 *     TransferSessionResult result = rescue.transferSession(5002, 2001);       // OK, or ACTION_FAILED, ...
 *     rescue.getSessions(2001, NodeRef.NODE).sessions()
 *             .forEach(s -> System.out.println(s.id() + " " + s.status() + " " + s.transferredTo()));
 *     long mine = client.sessions().getOwn().data().orElseThrow().sessionSurrogate();
 *     SessionsApi.UpdateResult ended = client.sessions().update(SessionUpdate.builder()
 *             .sessionSurrogate(mine).siteKey("demo").status(SessionStatus.ENDED).build());
 *     System.out.println(ended.isSuccessful() ? "logged out" : ended.errors());
 * }
 * }</pre>
 */
package io.sessiongate.client;
