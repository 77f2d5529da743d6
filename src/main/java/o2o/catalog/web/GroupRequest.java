package o2o.catalog.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.catalog.ItemDetails;
import org.jspecify.annotations.Nullable;

@Schema(name = "MenuGroupRequest")
record GroupRequest(@Nullable UUID id, @NotBlank @Size(max = 30) String name, boolean required,
        @Nullable @Min(0) @Max(30) Integer minChoices, @NotNull @Min(1) @Max(30) Integer maxChoices,
        @NotNull @Size(min = 1, max = 30) List<@Valid OptionRequest> options) {

    ItemDetails.Group toGroup() {
        int min = minChoices == null ? (required ? 1 : 0) : minChoices;
        return new ItemDetails.Group(id, name, required, min, maxChoices,
                options.stream().map(o -> new ItemDetails.Choice(o.id(), o.name(), o.priceDeltaMinor())).toList());
    }
}
