package o2o.identity.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.CustomerPrincipal;
import o2o.identity.WechatAccount;
import o2o.identity.security.CustomerSessions;
import o2o.identity.security.OneTimeCodes;
import o2o.identity.wechat.WechatSignIn;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.web.ClientAddress;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Customers' sign-in pages: by SMS code or with WeChat (inside WeChat, automatically). A WeChat account nobody holds
 * yet waits in the session until the person proves a phone on the same page; then both happen in one step. Staff and
 * operators sign in on {@link StaffSignInPages}.
 */
@Controller
class SignInPages {

    private static final String AUTHORIZATION = SignInPages.class.getName() + ".wechatAuthorization";
    private static final String PENDING = SignInPages.class.getName() + ".wechatPending";

    private final SecureRandom random = new SecureRandom();
    private final OneTimeCodes codes;
    private final WechatSignIn wechat;
    private final CustomerSessions sessions;

    SignInPages(OneTimeCodes codes, WechatSignIn wechat, CustomerSessions sessions) {
        this.codes = codes;
        this.wechat = wechat;
        this.sessions = sessions;
    }

    /** Inside WeChat the page goes straight to WeChat's authorization, unless the person asked for SMS ({@code sms}). */
    @GetMapping("/signin")
    String signIn(@RequestParam(defaultValue = "/") String next, @RequestParam(required = false) @Nullable String sms,
            @RequestHeader(value = "User-Agent", required = false) @Nullable String userAgent,
            HttpServletRequest request, Model model) {
        if (sms != null) forgetPending(request);
        var pending = pending(request);
        if (wechat.enabled() && pending == null && sms == null && userAgent != null && userAgent.contains("MicroMessenger")) {
            return "redirect:/signin/wechat?next=" + encode(safe(next));
        }
        return page(model, safe(next), null, null, pending);
    }

    /** htmx: sends the code and answers with the status line shown under the phone field. */
    @PostMapping("/signin/code")
    @OnProblem(render = "codeStatus", errorPage = {})
    String sendCode(@RequestParam String phone, HttpServletRequest request, Model model) {
        codes.send(PhoneNumber.parse(phone), ClientAddress.of(request), LocaleContextHolder.getLocale());
        model.addAttribute("sent", true);
        return "identity/signin :: code-status";
    }

    /** The sign-in page words each refusal by its slug ({@code signin.error.<slug>}), where it happened. */
    String codeStatus(Problem problem, Model model) {
        model.addAttribute("error", problem.slug());
        return "identity/signin :: code-status";
    }

    /** Checks the SMS code; with a WeChat account waiting in the session, binds it to this phone's customer too. */
    @PostMapping("/signin")
    @OnProblem(render = "notVerified", errorPage = {})
    String verify(@RequestParam String phone, @RequestParam String code, @RequestParam(defaultValue = "/") String next,
            HttpServletRequest request, HttpServletResponse response) {
        var pending = pending(request);
        var parsed = PhoneNumber.parse(phone);
        var customer = pending == null
                ? codes.verify(parsed, code.strip(), ClientAddress.of(request))
                : wechat.verifyPhoneAndBind(parsed, code.strip(), ClientAddress.of(request), pending);
        forgetPending(request);
        sessions.start(customer, request, response);
        return "redirect:" + safe(next);
    }

    /** A binding that was refused is not offered again; a wrong code may be retried. */
    String notVerified(@RequestParam String phone, @RequestParam(defaultValue = "/") String next,
            HttpServletRequest request, Problem problem, Model model) {
        if (problem.slug().startsWith("wechat-")) forgetPending(request);
        return page(model, safe(next), phone, problem.slug(), pending(request));
    }

    /** Sends the customer to WeChat's authorization page with a fresh state bound to this session. */
    @GetMapping("/signin/wechat")
    void wechat(@RequestParam(defaultValue = "/") String next, @RequestParam(defaultValue = "false") boolean profile,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        wechat.requireEnabled();
        var bytes = new byte[24];
        random.nextBytes(bytes);
        var state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.getSession(true).setAttribute(AUTHORIZATION, new WechatAuthorization(state, safe(next), profile));
        var callback = ServletUriComponentsBuilder.fromContextPath(request).path("/signin/wechat/callback")
                .build().toUriString();
        response.sendRedirect(wechat.authorizeUrl(callback, state, profile));
    }

    /**
     * WeChat sends the customer back here with a code and our state. The state must be the one this session sent
     * (else 403: a forged or replayed callback); the code is exchanged on the server. A bound account is signed in;
     * an unbound one waits for a phone on the sign-in page.
     */
    @GetMapping("/signin/wechat/callback")
    @OnProblem(render = "wechatRefused", errorPage = {})
    String wechatCallback(@RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String state, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        wechat.requireEnabled();
        var session = request.getSession(false);
        var authorization = session == null ? null : session.getAttribute(AUTHORIZATION) instanceof WechatAuthorization a ? a : null;
        if (session != null) session.removeAttribute(AUTHORIZATION);
        if (authorization == null || state == null || !MessageDigest.isEqual(
                authorization.state().getBytes(StandardCharsets.US_ASCII), state.getBytes(StandardCharsets.US_ASCII))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return page(model, authorization == null ? "/" : authorization.next(), null, "wechat-state", null);
        }
        if (code == null || code.isBlank()) {
            return page(model, authorization.next(), null, "wechat-declined", null);
        }
        request.setAttribute(AUTHORIZATION, authorization);
        var account = wechat.exchange(code, authorization.profile(), ClientAddress.of(request));
        var customer = wechat.signIn(account);
        if (customer.isPresent()) {
            sessions.start(customer.get(), request, response);
            return "redirect:" + authorization.next();
        }
        request.getSession(true).setAttribute(PENDING, account);
        return "redirect:/signin?next=" + encode(authorization.next());
    }

    /**
     * WeChat's refusal on the sign-in page, with its status; the callback's authorization (spent in the session) is
     * kept on the request for this. Before there is one, the problem is the error page.
     */
    String wechatRefused(HttpServletRequest request, HttpServletResponse response, Problem problem, Model model) {
        if (!(request.getAttribute(AUTHORIZATION) instanceof WechatAuthorization authorization)) throw problem;
        response.setStatus(problem.status().value());
        return page(model, authorization.next(), null, problem.slug(), null);
    }

    private String page(Model model, String next, @Nullable String phone, @Nullable String error,
            @Nullable WechatAccount pending) {
        model.addAttribute("next", next);
        model.addAttribute("phone", phone);
        // a failed return from WeChat is said above the form; a failed phone step, under the phone field
        model.addAttribute(phone == null && error != null && error.startsWith("wechat-") ? "wechatError" : "error", error);
        model.addAttribute("wechatEnabled", wechat.enabled());
        model.addAttribute("wechatPending", pending);
        return "identity/signin";
    }

    private static @Nullable WechatAccount pending(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(PENDING) instanceof WechatAccount account ? account : null;
    }

    private static void forgetPending(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) session.removeAttribute(PENDING);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Only same-site paths, so the sign-in page cannot be used to bounce people elsewhere. */
    private static String safe(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
    }
}
