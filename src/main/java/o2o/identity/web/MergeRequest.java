package o2o.identity.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "CustomerMergeMergeRequest")
record MergeRequest(@NotNull UUID sourceCustomerId, @NotNull UUID targetCustomerId) {}
