package o2o.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of a cursor-paged list; {@code next} is the opaque cursor of the following page, null on the last. */
public record Page<T>(List<T> items, @Nullable String next) {}
