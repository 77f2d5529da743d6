package o2o.webhooks.web;

import java.util.List;

import o2o.webhooks.WebhookDelivery;
import o2o.webhooks.WebhookEndpoint;

record EndpointView(WebhookEndpoint endpoint, List<WebhookDelivery> deliveries) {}
