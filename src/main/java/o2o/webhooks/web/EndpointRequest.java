package o2o.webhooks.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "MerchantWebhookEndpointRequest")
record EndpointRequest(@Nullable String url, @Nullable String description, @Nullable List<String> eventTypes) {}
