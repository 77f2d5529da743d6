package o2o.tableorders.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "BillClaim")
record Claim(@NotEmpty @Size(max = 200) List<@NotNull UUID> itemIds) {}
