package o2o.wallet.web;

import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import o2o.wallet.StoredValue;

record WalletView(UUID merchantId, String merchantName, Money principal, Money bonus, Money total,
        List<StoredValue.Line> history) {}
