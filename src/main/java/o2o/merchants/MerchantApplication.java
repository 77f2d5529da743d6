package o2o.merchants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A business asking to join, with the owner account it will sign in with. */
public record MerchantApplication(
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Size(max = 40) String category,
        @NotBlank @Size(max = 40) String contactName,
        @NotBlank @Size(max = 20) String contactPhone,
        @NotBlank @Size(min = 3, max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+") String ownerUsername,
        @NotBlank @Size(min = 8, max = 128) String ownerPassword) {}
