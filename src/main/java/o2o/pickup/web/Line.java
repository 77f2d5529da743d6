package o2o.pickup.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.shared.Money;

@Schema(name = "PickupResponseLine")
record Line(UUID itemId, String title, Money unitPrice, int quantity, Money amount) {}
