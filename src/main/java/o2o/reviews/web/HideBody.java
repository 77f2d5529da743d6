package o2o.reviews.web;

import org.jspecify.annotations.Nullable;

/** Why the operator hides a review (at most 200 characters). */
record HideBody(@Nullable String reason) {}
