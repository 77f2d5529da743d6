package o2o.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** @param profile whether the code was issued with {@code snsapi_userinfo} (then nickname and avatar are read) */
@Schema(name = "AuthWechatRequest")
record WechatRequest(@NotBlank @Size(max = 256) String code, @Nullable Boolean profile) {}
