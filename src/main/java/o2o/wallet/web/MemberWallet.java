package o2o.wallet.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.wallet.StoredValue;
import o2o.wallet.WalletBalance;

@Schema(name = "WalletMemberWallet")
record MemberWallet(String phone, WalletBalance balance, List<StoredValue.Line> history) {}
