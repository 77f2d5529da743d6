package o2o.wallet.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.CustomerPrincipal;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.wallet.OnlineTopUps;
import o2o.wallet.StoredValue;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's stored value: balances per merchant, principal and bonus apart, history; buying more online. The
 * cashier's side is {@link WalletCounterPages}.
 */
@Controller
class WalletPages {

    private final StoredValue storedValue;
    private final OnlineTopUps onlineTopUps;
    private final Merchants merchants;

    WalletPages(StoredValue storedValue, OnlineTopUps onlineTopUps, Merchants merchants) {
        this.storedValue = storedValue;
        this.onlineTopUps = onlineTopUps;
        this.merchants = merchants;
    }

    @GetMapping("/me/wallet")
    String wallets(CustomerPrincipal customer, Model model) {
        model.addAttribute("wallets", storedValue.wallets(customer.customerId()).stream()
                .map(w -> new WalletView(w.merchantId(), merchantName(w.merchantId()), w.principal(), w.bonus(),
                        w.total(), storedValue.history(customer.id(), new MerchantId(w.merchantId()), 10)))
                .toList());
        return "wallet/balances";
    }

    @GetMapping("/me/wallet/top-up")
    String topUpForm(CustomerPrincipal customer, @RequestParam UUID merchantId, Model model) {
        model.addAttribute("merchantId", merchantId);
        model.addAttribute("merchantName", merchantName(merchantId));
        model.addAttribute("rules", storedValue.rules(merchantId));
        model.addAttribute("balance", storedValue.wallets(customer.customerId()).stream()
                .filter(w -> w.merchantId().equals(merchantId)).findFirst().orElse(null));
        return "wallet/top-up";
    }

    /** htmx: the bonus the amount being typed would earn. */
    @GetMapping("/me/wallet/top-up/bonus")
    @OnProblem(render = "noBonus", errorPage = {})
    String bonus(@RequestParam UUID merchantId, @RequestParam(required = false) @Nullable String amount, Model model) {
        var paid = FormValues.money("amount", amount, Money.CNY);
        model.addAttribute("paid", paid);
        model.addAttribute("bonus", storedValue.bonusFor(merchantId, paid));
        return "wallet/top-up :: bonus";
    }

    /** While the amount is not (yet) one, the line stays empty. */
    String noBonus(Model model) {
        model.addAttribute("paid", null);
        return "wallet/top-up :: bonus";
    }

    @PostMapping("/me/wallet/top-up")
    @OnProblem(redirect = "/me/wallet/top-up?merchantId={merchantId}", errorPage = 404)
    String topUp(CustomerPrincipal customer, @RequestParam UUID merchantId, @RequestParam String amount) {
        var started = onlineTopUps.start(customer, merchantId, FormValues.money("amount", amount, Money.CNY));
        return "redirect:" + started.redirectUrl();
    }

    /** Where the gateway sends the payer back: polls until the wallet is credited. */
    @GetMapping("/me/wallet/top-ups/{orderId}")
    String topUpStatus(CustomerPrincipal customer, @PathVariable UUID orderId, Model model) {
        statusModel(customer, orderId, model);
        return "wallet/top-up-status";
    }

    @GetMapping("/me/wallet/top-ups/{orderId}/status")
    String topUpStatusFragment(CustomerPrincipal customer, @PathVariable UUID orderId, Model model,
            HttpServletResponse response) {
        if (statusModel(customer, orderId, model).credited()) response.setHeader("HX-Refresh", "true");
        return "wallet/top-up-status :: status";
    }

    /** htmx, on a deal's page: pay with stored value when it covers the price, else a way to top up. */
    @GetMapping("/me/wallet/pay-option")
    String payOption(CustomerPrincipal customer, @RequestParam UUID merchant, @RequestParam long amount, Model model) {
        var balance = storedValue.wallets(customer.customerId()).stream()
                .filter(w -> w.merchantId().equals(merchant)).findFirst().orElse(null);
        model.addAttribute("merchantId", merchant);
        model.addAttribute("balance", balance);
        model.addAttribute("enough", balance != null && balance.total().minor() >= amount);
        return "wallet/pay-option :: option";
    }

    private OnlineTopUps.TopUpStatus statusModel(CustomerPrincipal customer, UUID orderId, Model model) {
        var status = onlineTopUps.status(customer, orderId);
        model.addAttribute("topUp", status);
        model.addAttribute("merchantName", merchantName(status.merchantId()));
        if (status.credited()) {
            model.addAttribute("balance", storedValue.balance(customer.id(), new MerchantId(status.merchantId())));
        }
        return status;
    }

    private String merchantName(UUID merchantId) {
        return merchants.find(merchantId).map(Merchant::name).orElseThrow(() -> Problem.notFound("merchant"));
    }
}
