package o2o.payments.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.payments.ProviderAccount;

@Schema(name = "ProviderAccountAccounts")
record Accounts(List<String> gateways, List<ProviderAccount> accounts) {}
