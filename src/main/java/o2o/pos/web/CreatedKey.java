package o2o.pos.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The only answer that carries the full key. */
@Schema(name = "PosKeyCreatedKey")
record CreatedKey(KeyResponse key, String secret) {}
