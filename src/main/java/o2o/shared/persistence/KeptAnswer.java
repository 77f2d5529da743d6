package o2o.shared.persistence;

import org.jspecify.annotations.Nullable;

/** What a request with an idempotency key left: its body's hash, and its answer unless it has not finished. */
public record KeptAnswer(String requestHash, @Nullable Integer status, @Nullable String contentType,
        byte @Nullable [] body) {}
