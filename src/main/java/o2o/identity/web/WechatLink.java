package o2o.identity.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "MemberLinksWechatLink")
record WechatLink(UUID customerId, @Nullable String openid, @Nullable String unionid, @Nullable String nickname,
        @Nullable String avatarUrl) {}
