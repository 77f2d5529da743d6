package o2o.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(name = "MenuCategoryRequest")
record CategoryRequest(@NotBlank @Size(max = 40) String name, @Nullable @Min(-10_000) @Max(10_000) Integer sortOrder) {

    int order() {
        return sortOrder == null ? 0 : sortOrder;
    }
}
