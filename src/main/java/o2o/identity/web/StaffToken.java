package o2o.identity.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.identity.Role;
import org.jspecify.annotations.Nullable;

@Schema(name = "AuthStaffToken")
record StaffToken(String token, UUID staffId, Role role, @Nullable UUID merchantId) {}
