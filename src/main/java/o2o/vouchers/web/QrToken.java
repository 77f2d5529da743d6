package o2o.vouchers.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "VoucherQrToken")
record QrToken(String token, Instant issuedAt) {}
