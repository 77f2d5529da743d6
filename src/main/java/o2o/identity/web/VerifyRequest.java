package o2o.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * @param wechatTicket from a {@code wechat-phone-needed} answer: binds that WeChat account to this phone's
 *     customer in the same step
 */
@Schema(name = "AuthVerifyRequest")
record VerifyRequest(@NotBlank @Size(max = 20) String phone, @NotBlank @Pattern(regexp = "\\d{6}") String code,
        @Nullable @Size(max = 4096) String wechatTicket) {}
