package o2o.wallet.web;

import java.util.UUID;

import o2o.identity.Customers;
import o2o.identity.StaffPrincipal;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import o2o.wallet.StoredValue;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cashier's wallet counter: look a member up by phone, top up with cash or card, charge a bill to the balance. */
@Controller
class WalletCounterPages {

    private final StoredValue storedValue;
    private final Customers customers;
    private final PageText text;

    WalletCounterPages(StoredValue storedValue, Customers customers, PageText text) {
        this.storedValue = storedValue;
        this.customers = customers;
        this.text = text;
    }

    @GetMapping("/merchant/wallet")
    @OnProblem(render = "lookupRefused")
    String counter(StaffPrincipal staff, @RequestParam(required = false) @Nullable String phone, Model model) {
        var merchantId = counterPage(staff, model);
        if (phone == null || phone.isBlank()) return "wallet/counter";
        model.addAttribute("phone", phone.strip());
        var member = customers.byPhone(PhoneNumber.parse(phone));
        if (member.isEmpty()) {
            model.addAttribute("lookupProblem", text.message("storedvalue.counter.no-member"));
            return "wallet/counter";
        }
        var customer = member.get().id();
        var merchant = new MerchantId(merchantId);
        model.addAttribute("member", member.get().phone().masked());
        model.addAttribute("balance", storedValue.hasWallet(customer, merchant)
                ? storedValue.balance(customer, merchant) : null);
        model.addAttribute("history", storedValue.history(customer, merchant, 10));
        return "wallet/counter";
    }

    /** A phone that could not be looked up is named under the lookup, not where top-ups report. */
    String lookupRefused(StaffPrincipal staff, @RequestParam(defaultValue = "") String phone, Problem problem,
            Model model) {
        counterPage(staff, model);
        model.addAttribute("phone", phone.strip());
        model.addAttribute("lookupProblem", text.problem(problem));
        return "wallet/counter";
    }

    private UUID counterPage(StaffPrincipal staff, Model model) {
        var merchantId = StoredValue.counterOf(staff);
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("rules", storedValue.rules(merchantId));
        return merchantId;
    }

    @PostMapping("/merchant/wallet/top-up")
    @OnProblem(redirect = "/merchant/wallet?phone={phone}", errorPage = {})
    String counterTopUp(StaffPrincipal staff, @RequestParam String phone, @RequestParam String amount,
            @RequestParam(defaultValue = "CASH") String method, @RequestParam String key,
            RedirectAttributes redirect) {
        var customer = customers.byPhone(PhoneNumber.parse(phone)).orElseThrow(() -> Problem.notFound("customer"));
        var balance = storedValue.topUp(staff, customer.customerId(), FormValues.money("amount", amount, Money.CNY),
                key, method);
        redirect.addFlashAttribute("done", text.message("storedvalue.counter.topped-up",
                balance.principal().decimal(), balance.bonus().decimal()));
        redirect.addAttribute("phone", phone);
        return "redirect:/merchant/wallet";
    }

    @PostMapping("/merchant/wallet/charge")
    @OnProblem(redirect = "/merchant/wallet?phone={phone}", errorPage = {})
    String counterCharge(StaffPrincipal staff, @RequestParam String phone, @RequestParam String amount,
            @RequestParam(defaultValue = "") String note, @RequestParam String key, RedirectAttributes redirect) {
        var customer = customers.byPhone(PhoneNumber.parse(phone)).orElseThrow(() -> Problem.notFound("customer"));
        var charge = storedValue.charge(staff, customer.customerId(), FormValues.money("amount", amount, Money.CNY),
                note, key);
        redirect.addFlashAttribute("done", text.message("storedvalue.counter.charged", charge.amount().decimal(),
                charge.fromPrincipal().decimal(), charge.fromBonus().decimal()));
        redirect.addAttribute("phone", phone);
        return "redirect:/merchant/wallet";
    }
}
