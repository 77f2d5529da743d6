package o2o.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "MenuSoldOutRequest")
record SoldOutRequest(@NotNull Boolean soldOut) {}
