package o2o.wallet.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.shared.Money;

@Schema(name = "WalletMerchantWallet")
record MerchantWallet(UUID merchantId, String merchantName, Money principal, Money bonus, Money total) {}
