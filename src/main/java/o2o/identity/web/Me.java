package o2o.identity.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.identity.Role;
import org.jspecify.annotations.Nullable;

@Schema(name = "AuthMe")
record Me(UUID id, String kind, String name, Role role, @Nullable UUID merchantId) {}
