package o2o.pos.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "PosKeyKeyRequest")
record KeyRequest(@Nullable String name) {}
