package o2o.wallet.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.wallet.StoredValue;

@Schema(name = "WalletMerchantRules")
record MerchantRules(Map<Long, Long> bonusByThreshold, StoredValue.RefundRule refund) {}
