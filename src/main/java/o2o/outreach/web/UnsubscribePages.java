package o2o.outreach.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

import o2o.outreach.OptOuts;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.web.ClientAddress;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The unsubscribe link in every marketing SMS, {@code /u/{token}}, open to anyone holding it: the page names the
 * merchant and asks to confirm (a link opened by a preview bot changes nothing); confirming stops the merchant's
 * marketing messages to that member.
 */
@Controller
class UnsubscribePages {

    static final RateLimits.Limit OPENS = new RateLimits.Limit("unsubscribe", 60, Duration.ofMinutes(1));

    private final OptOuts optOuts;
    private final RateLimits limits;

    UnsubscribePages(OptOuts optOuts, RateLimits limits) {
        this.optOuts = optOuts;
        this.limits = limits;
    }

    @GetMapping("/u/{token}")
    String show(@PathVariable String token, HttpServletRequest request, Model model) {
        limits.check(OPENS, ClientAddress.of(request));
        var state = optOuts.state(token).orElseThrow(() -> Problem.notFound("link"));
        model.addAttribute("token", token).addAttribute("merchant", state.merchantName())
                .addAttribute("optedOut", state.optedOut());
        return "outreach/unsubscribe";
    }

    @PostMapping("/u/{token}")
    String confirm(@PathVariable String token, HttpServletRequest request, Model model) {
        limits.check(OPENS, ClientAddress.of(request));
        var state = optOuts.optOut(token).orElseThrow(() -> Problem.notFound("link"));
        model.addAttribute("token", token).addAttribute("merchant", state.merchantName())
                .addAttribute("optedOut", true);
        return "outreach/unsubscribe";
    }
}
