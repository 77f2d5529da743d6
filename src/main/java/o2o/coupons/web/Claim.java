package o2o.coupons.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "CouponClaim")
record Claim(@NotNull UUID templateId) {}
