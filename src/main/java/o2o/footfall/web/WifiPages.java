package o2o.footfall.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.footfall.Visit;
import o2o.footfall.WifiSignIns;
import o2o.malls.MallId;
import o2o.shared.Problem;
import o2o.shared.web.ClientAddress;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mall's Wi-Fi portal, for the captive browser a phone opens on joining the network: plain forms, no script. The
 * visitor asks for an SMS code and types it, or types the member code from their card; either records the visit and
 * answers "已连接". The SMS code also signs the browser in to the site; the member code does not (see
 * {@link WifiSignIns#byMemberCode}). The access point's redirect may add {@code mac} and {@code ap}; they ride along in hidden fields.
 */
@Controller
class WifiPages {

    private final WifiSignIns signIns;
    private final PageText text;

    WifiPages(WifiSignIns signIns, PageText text) {
        this.signIns = signIns;
        this.text = text;
    }

    @GetMapping("/malls/{mallId}/wifi")
    String page(@PathVariable UUID mallId, @RequestParam(required = false) @Nullable String mac,
            @RequestParam(required = false) @Nullable String ap, Model model) {
        return form(mallId, mac, ap, null, false, null, model);
    }

    /** Texts the code and draws the page again with the code field. */
    @PostMapping("/malls/{mallId}/wifi/code")
    @OnProblem(render = "codeRefused")
    String sendCode(@PathVariable UUID mallId, @RequestParam String phone,
            @RequestParam(required = false) @Nullable String mac, @RequestParam(required = false) @Nullable String ap,
            HttpServletRequest request, Model model) {
        signIns.sendCode(new MallId(mallId), phone, ClientAddress.of(request), LocaleContextHolder.getLocale());
        return form(mallId, mac, ap, phone, true, null, model);
    }

    String codeRefused(@PathVariable UUID mallId, @RequestParam String phone,
            @RequestParam(required = false) @Nullable String mac, @RequestParam(required = false) @Nullable String ap,
            Problem problem, Model model) {
        return form(mallId, mac, ap, phone, false, text.problem(problem), model);
    }

    @PostMapping("/malls/{mallId}/wifi")
    @OnProblem(render = "signInRefused")
    String signIn(@PathVariable UUID mallId, @RequestParam String phone, @RequestParam String code,
            @RequestParam(required = false) @Nullable String mac, @RequestParam(required = false) @Nullable String ap,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        var visit = signIns.byCode(new MallId(mallId), phone, code, ClientAddress.of(request), mac, ap, request,
                response);
        model.addAttribute("signedIn", true);
        return connected(visit, model);
    }

    String signInRefused(@PathVariable UUID mallId, @RequestParam String phone,
            @RequestParam(required = false) @Nullable String mac, @RequestParam(required = false) @Nullable String ap,
            Problem problem, Model model) {
        return form(mallId, mac, ap, phone, true, text.problem(problem), model);
    }

    @PostMapping("/malls/{mallId}/wifi/member")
    @OnProblem(render = "memberRefused")
    String member(@PathVariable UUID mallId, @RequestParam String memberCode,
            @RequestParam(required = false) @Nullable String mac, @RequestParam(required = false) @Nullable String ap,
            HttpServletRequest request, Model model) {
        var visit = signIns.byMemberCode(new MallId(mallId), memberCode, ClientAddress.of(request), mac, ap);
        model.addAttribute("signedIn", false);
        return connected(visit, model);
    }

    String memberRefused(@PathVariable UUID mallId, @RequestParam(required = false) @Nullable String mac,
            @RequestParam(required = false) @Nullable String ap, Problem problem, Model model) {
        form(mallId, mac, ap, null, false, null, model);
        model.addAttribute("memberError", text.problem(problem));
        return "footfall/wifi";
    }

    private String form(UUID mallId, @Nullable String mac, @Nullable String ap, @Nullable String phone, boolean sent,
            @Nullable String error, Model model) {
        model.addAttribute("mall", signIns.mall(new MallId(mallId)));
        model.addAttribute("mac", mac);
        model.addAttribute("ap", ap);
        model.addAttribute("phone", phone);
        model.addAttribute("sent", sent);
        model.addAttribute("error", error);
        return "footfall/wifi";
    }

    private String connected(Visit visit, Model model) {
        model.addAttribute("mall", signIns.mall(visit.mall()));
        model.addAttribute("visit", visit);
        return "footfall/wifi-connected";
    }
}
