package o2o.parking.web;

import java.util.LinkedHashMap;

import o2o.identity.StaffPrincipal;
import o2o.malls.Malls;
import o2o.parking.FeeRules;
import o2o.parking.ParkingRules;
import o2o.parking.CarPark;
import o2o.shared.InvalidInput;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The mall operator's parking page: the fee rules (with free hours for each tier of the mall's program) and the latest stays. */
@Controller
class ParkingConsole {

    private final Malls malls;
    private final FeeRules rules;
    private final CarPark sessions;

    ParkingConsole(Malls malls, FeeRules rules, CarPark sessions) {
        this.malls = malls;
        this.rules = rules;
        this.sessions = sessions;
    }

    @GetMapping("/merchant/mall/parking")
    String console(StaffPrincipal staff, Model model) {
        var mall = malls.operatedBy(staff);
        model.addAttribute("mall", mall);
        var current = rules.of(mall.id());
        model.addAttribute("rules", current);
        model.addAttribute("hourly", o2o.shared.Money.cny(current.hourlyMinor()).decimal());
        model.addAttribute("dailyCap", o2o.shared.Money.cny(current.dailyCapMinor()).decimal());
        model.addAttribute("spendPerFreeHour", o2o.shared.Money.cny(current.spendPerFreeHourMinor()).decimal());
        model.addAttribute("tiers", rules.tiersOf(mall));
        model.addAttribute("stays", sessions.latest(mall.id(), 20));
        return "parking/console";
    }

    @PostMapping("/merchant/mall/parking/rules")
    @OnProblem(redirect = "/merchant/mall/parking")
    String save(StaffPrincipal staff, @RequestParam MultiValueMap<String, String> form) {
        var mall = malls.operatedBy(staff);
        var tierHours = new LinkedHashMap<String, Integer>();
        for (var tier : rules.tiersOf(mall)) {
            int hours = whole(form, "tier." + tier.name());
            if (hours > 0) tierHours.put(tier.name(), hours);
        }
        rules.change(staff, new ParkingRules(whole(form, "freeMinutes"), fen(form, "hourly"), fen(form, "dailyCap"),
                whole(form, "graceMinutes"), fen(form, "spendPerFreeHour"), whole(form, "maxPurchaseFreeHours"),
                tierHours));
        return "redirect:/merchant/mall/parking?saved";
    }

    private static int whole(MultiValueMap<String, String> form, String field) {
        var typed = form.getFirst(field);
        try {
            return Integer.parseInt(typed == null || typed.isBlank() ? "0" : typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "a whole number");
        }
    }

    /** An amount typed in yuan, to fen. */
    private static long fen(MultiValueMap<String, String> form, String field) {
        var typed = form.getFirst(field);
        try {
            var yuan = new java.math.BigDecimal(typed == null || typed.isBlank() ? "0" : typed.strip());
            return yuan.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInput(field, "an amount in yuan, such as 10 or 2.5");
        }
    }
}
