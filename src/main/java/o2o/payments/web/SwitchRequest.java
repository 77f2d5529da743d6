package o2o.payments.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "ProviderAccountSwitchRequest")
record SwitchRequest(@Nullable Boolean enabled) {}
