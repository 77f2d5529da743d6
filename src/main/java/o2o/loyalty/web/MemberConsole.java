package o2o.loyalty.web;

import java.util.Map;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.loyalty.Members;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's member pages: looking up (and registering) a member at the counter, the member list, a profile. */
@Controller
class MemberConsole {

    private static final int PAGE_SIZE = 20;

    private final Members members;
    private final PageText text;

    MemberConsole(Members members, PageText text) {
        this.members = members;
        this.text = text;
    }

    @GetMapping("/merchant/members/lookup")
    String lookupPage() {
        return "loyalty/lookup";
    }

    /** A phone or a member QR code (scanned or typed): the member's card, or "not a member" with a join button. */
    @PostMapping("/merchant/members/lookup")
    @OnProblem(render = "notFound", errorPage = 403)
    String lookup(StaffPrincipal staff, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String qr,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("member", members.lookup(staff, Map.of("phone", phone, "qr", qr)));
        return result(htmx);
    }

    /** A phone that is no member's is offered to join; a code that finds no one says so in the counter's words. */
    String notFound(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String qr,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Problem problem,
            Model model) {
        if (problem.slug().equals("not-found") && !phone.isBlank() && qr.isBlank()) {
            model.addAttribute("notMember", phone.strip());
        } else if (problem.slug().equals("not-found")) {
            model.addAttribute("problem", text.problem("members.lookup.not-found", problem));
        } else {
            model.addAttribute("problem", text.problem(problem));
        }
        return result(htmx);
    }

    @PostMapping("/merchant/members/join")
    @OnProblem(render = "result", errorPage = 403)
    String join(StaffPrincipal staff, @RequestParam String phone, @RequestParam(defaultValue = "") String name,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var registered = members.register(staff, phone, name);
        model.addAttribute("member", registered.member());
        model.addAttribute("joinedNow", registered.joinedNow());
        return result(htmx);
    }

    String result(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        return htmx != null ? "loyalty/lookup :: result" : "loyalty/lookup";
    }

    /** The list; htmx searches and "more" get only the rows. */
    @GetMapping("/merchant/members")
    String list(StaffPrincipal staff, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", members.list(staff, q, cursor, PAGE_SIZE));
        return htmx != null ? "loyalty/members :: rows" : "loyalty/members";
    }

    @GetMapping("/merchant/members/{customerId}")
    String profile(StaffPrincipal staff, @PathVariable UUID customerId, Model model) {
        model.addAttribute("member", members.profile(staff, customerId));
        return "loyalty/member";
    }
}
