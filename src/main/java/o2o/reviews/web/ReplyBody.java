package o2o.reviews.web;

import org.jspecify.annotations.Nullable;

/** The merchant's public reply (at most 1000 characters). */
record ReplyBody(@Nullable String text) {}
