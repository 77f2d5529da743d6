package o2o.dining.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.dining.FloorPlan.TableDetails;
import org.jspecify.annotations.Nullable;

@Schema(name = "FloorPlanTableRequest")
record TableRequest(@Nullable String label, @Nullable Integer seats, @Nullable UUID areaId) {

    TableDetails details() {
        return new TableDetails(label == null ? "" : label, seats == null ? 0 : seats, areaId);
    }
}
