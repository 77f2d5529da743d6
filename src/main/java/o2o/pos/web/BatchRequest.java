package o2o.pos.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.pos.Sale;
import org.jspecify.annotations.Nullable;

@Schema(name = "PosBatchRequest")
record BatchRequest(@Nullable List<Sale> sales) {}
