package o2o.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.security.ActorAuthentication;
import o2o.identity.security.OneTimeCodes;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in pages: customers by SMS code, staff and operators by password (the form posts to Spring Security). */
@Controller
class SignInPages {

    private final OneTimeCodes codes;
    private final SecurityContextRepository contexts;

    SignInPages(OneTimeCodes codes, SecurityContextRepository contexts) {
        this.codes = codes;
        this.contexts = contexts;
    }

    @GetMapping("/signin")
    String signIn(@RequestParam(defaultValue = "/") String next, Model model) {
        model.addAttribute("next", safe(next));
        return "identity/signin";
    }

    /** htmx: sends the code and answers with the status line shown under the phone field. */
    @PostMapping("/signin/code")
    String sendCode(@RequestParam String phone, HttpServletRequest request, Model model) {
        try {
            codes.send(PhoneNumber.parse(phone), request.getRemoteAddr(), LocaleContextHolder.getLocale());
            model.addAttribute("sent", true);
        } catch (Problem problem) {
            model.addAttribute("error", problem.slug());
        }
        return "identity/signin :: code-status";
    }

    @PostMapping("/signin")
    String verify(@RequestParam String phone, @RequestParam String code, @RequestParam(defaultValue = "/") String next,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            var customer = codes.verify(PhoneNumber.parse(phone), code.strip(), request.getRemoteAddr());
            request.getSession(true);
            request.changeSessionId();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(ActorAuthentication.of(customer));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            return "redirect:" + safe(next);
        } catch (Problem problem) {
            model.addAttribute("next", safe(next));
            model.addAttribute("phone", phone);
            model.addAttribute("error", problem.slug());
            return "identity/signin";
        }
    }

    @GetMapping("/staff/login")
    String staffLogin() {
        return "identity/staff-login";
    }

    /** Only same-site paths, so the sign-in page cannot be used to bounce people elsewhere. */
    private static String safe(String next) {
        return next.startsWith("/") && !next.startsWith("//") ? next : "/";
    }
}
