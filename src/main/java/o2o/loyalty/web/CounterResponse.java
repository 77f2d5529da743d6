package o2o.loyalty.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.shared.Money;

@Schema(name = "PointsSpendingCounterResponse")
record CounterResponse(UUID customerId, long points, Money value, long balance) {}
