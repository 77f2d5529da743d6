package o2o.identity.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "AuthCustomerToken")
record CustomerToken(String token, UUID customerId) {}
