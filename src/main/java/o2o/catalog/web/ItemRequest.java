package o2o.catalog.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.catalog.ItemDetails;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

@Schema(name = "MenuItemRequest")
record ItemRequest(@NotNull UUID categoryId, @NotBlank @Size(max = 60) String name,
        @Nullable @Size(max = 500) String description, @Nullable @Size(max = 500) String photoUrl,
        @NotNull Money price, @Nullable @Size(max = 20) List<@Valid GroupRequest> optionGroups,
        @Nullable Boolean active) {

    ItemDetails toDetails() {
        return new ItemDetails(categoryId, name, description == null ? "" : description, photoUrl, price,
                optionGroups == null ? List.of() : optionGroups.stream().map(GroupRequest::toGroup).toList());
    }
}
