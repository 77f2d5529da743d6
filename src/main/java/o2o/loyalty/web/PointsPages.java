package o2o.loyalty.web;

import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.Loyalty;
import o2o.loyalty.PointsMall;
import o2o.loyalty.PointsSpending;
import o2o.merchants.Merchants;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for spending points: the "use points" block of a deal's checkout (an htmx fragment the deal page loads), the
 * points mall of a merchant, and the cashier's counter redemption. Each form carries a key made when it was shown,
 * so a double submit spends once.
 */
@Controller
class PointsPages {

    private final Loyalty loyalty;
    private final PointsSpending spending;
    private final PointsMall mall;
    private final Customers customers;
    private final Merchants merchants;

    PointsPages(Loyalty loyalty, PointsSpending spending, PointsMall mall, Customers customers, Merchants merchants) {
        this.loyalty = loyalty;
        this.spending = spending;
        this.mall = mall;
        this.customers = customers;
        this.merchants = merchants;
    }

    /** htmx, in the deal's buy form: the member's points and what they may use; nothing for non-members. */
    @GetMapping("/me/points/checkout")
    String checkout(CustomerPrincipal customer, @RequestParam UUID merchant, @RequestParam long price, Model model) {
        var membership = loyalty.membership(customer.id(), new MerchantId(merchant));
        if (membership.isEmpty()) return "loyalty/points-checkout :: none";
        var rules = spending.rules(membership.get().programId());
        model.addAttribute("merchantId", merchant);
        model.addAttribute("balance", spending.balance(customer.id(), membership.get().programId()));
        model.addAttribute("rules", rules);
        model.addAttribute("most", rules.mostPointsFor(Money.cny(Math.max(0, price))));
        return "loyalty/points-checkout :: checkout";
    }

    /** htmx: what the typed points are worth, or why they cannot be used. */
    @GetMapping("/me/points/worth")
    @OnProblem(render = "worthless", errorPage = 404)
    String worth(CustomerPrincipal customer, @RequestParam UUID merchant,
            @RequestParam(defaultValue = "") String pointsToUse, Model model) {
        var membership = loyalty.membership(customer.id(),
                new MerchantId(merchant)).orElseThrow(() -> Problem.notFound("member"));
        long points = FormValues.wholeNumber("pointsToUse", pointsToUse, 0);
        model.addAttribute("value", points == 0 ? null : spending.rules(membership.programId()).valueOf(points));
        return "loyalty/points-checkout :: worth";
    }

    String worthless() {
        return "loyalty/points-checkout :: worth";
    }

    @GetMapping("/me/memberships/{merchantId}/mall")
    String mall(CustomerPrincipal customer, @PathVariable UUID merchantId, Model model) {
        var merchant = merchants.find(merchantId).orElseThrow(() -> Problem.notFound("merchant"));
        var membership = loyalty.membership(customer.id(), new MerchantId(merchantId));
        model.addAttribute("merchant", merchant);
        model.addAttribute("member", membership.isPresent());
        model.addAttribute("balance", membership.map(m -> spending.balance(customer.id(), m.programId()))
                .orElse(0L));
        model.addAttribute("items", mall.onOffer(merchantId));
        model.addAttribute("key", UUID.randomUUID());
        return "loyalty/mall";
    }

    @PostMapping("/me/memberships/{merchantId}/mall/{itemId}/exchange")
    @OnProblem(redirect = "/me/memberships/{merchantId}/mall", errorPage = 404)
    String exchange(CustomerPrincipal customer, @PathVariable UUID merchantId, @PathVariable UUID itemId,
            @RequestParam String key, RedirectAttributes redirect) {
        var item = mall.item(itemId).filter(i -> i.merchantId().equals(merchantId))
                .orElseThrow(() -> Problem.notFound("points mall item"));
        var exchange = mall.exchange(customer.id(), item.id(), key);
        redirect.addFlashAttribute("exchanged", exchange.coupon().title());
        return "redirect:/me/memberships/" + merchantId + "/mall";
    }

    @GetMapping("/merchant/points/redeem")
    String counter(StaffPrincipal staff, Model model) {
        model.addAttribute("key", UUID.randomUUID());
        return "loyalty/redeem";
    }

    /** The page again with the outcome, and a fresh key for the next redemption. */
    @PostMapping("/merchant/points/redeem")
    @OnProblem(render = "refused", errorPage = {})
    String redeem(StaffPrincipal staff, @RequestParam String phone, @RequestParam String points,
            @RequestParam(defaultValue = "") String note, @RequestParam String key, Model model) {
        var customer = customers.byPhone(PhoneNumber.parse(phone)).orElseThrow(() -> Problem.notFound("member"));
        var redemption = spending.redeemAtCounter(staff, customer.customerId(), number(points), key, note);
        model.addAttribute("ok", true);
        model.addAttribute("redemption", redemption);
        model.addAttribute("phone", PhoneNumber.parse(phone).masked());
        model.addAttribute("key", UUID.randomUUID());
        return "loyalty/redeem";
    }

    String refused(Model model) {
        model.addAttribute("ok", false);
        model.addAttribute("key", UUID.randomUUID());
        return "loyalty/redeem";
    }

    private static long number(String typed) {
        try {
            return Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("points", "not a whole number");
        }
    }
}
