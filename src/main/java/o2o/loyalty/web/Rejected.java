package o2o.loyalty.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "MemberImportRejected")
record Rejected(int line, @Nullable String cardNumber, String reason, String detail) {}
