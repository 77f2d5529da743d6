package o2o.payments.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.payments.ProviderAccount;
import o2o.payments.ProviderAccounts;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's payments page: each gateway, whether the merchant's customers can pay by it, what of the merchant's
 * account may be shown (never a key), and for the owner a form per gateway and the on/off switch. Managers see the
 * page; only owners change it ({@link ProviderAccounts} decides both). Settings the gateway's adapter refuses come
 * back to the form with the error beside the field it names, handled once here rather than in each action.
 */
@Controller
class PaymentConsole {

    enum State { NOT_SET_UP, ON, OFF, SWITCHED_OFF }

    private final ProviderAccounts accounts;
    private final PageText text;
    private final JsonMapper json;

    PaymentConsole(ProviderAccounts accounts, PageText text, JsonMapper json) {
        this.accounts = accounts;
        this.text = text;
        this.json = json;
    }

    @GetMapping("/merchant/payments")
    String page(StaffPrincipal staff, Model model) {
        return render(staff, model, null);
    }

    @PostMapping("/merchant/payments/{provider}")
    String save(StaffPrincipal staff, @PathVariable String provider, @RequestParam Map<String, String> posted,
            RedirectAttributes redirect) {
        var form = GatewayForm.of(provider).orElseThrow(() -> Problem.notFound("payment gateway"));
        accounts.save(staff, provider, form.settings(posted, json));
        redirect.addFlashAttribute("saved", provider);
        return "redirect:/merchant/payments";
    }

    @PostMapping("/merchant/payments/{provider}/enable")
    String enable(StaffPrincipal staff, @PathVariable String provider) {
        accounts.setEnabled(staff, provider, true);
        return "redirect:/merchant/payments";
    }

    @PostMapping("/merchant/payments/{provider}/disable")
    String disable(StaffPrincipal staff, @PathVariable String provider) {
        accounts.setEnabled(staff, provider, false);
        return "redirect:/merchant/payments";
    }

    /** Settings refused by the gateway's adapter: the page again, the plain fields as posted, secrets left empty. */
    @ExceptionHandler(InvalidInput.class)
    String refused(InvalidInput problem, StaffPrincipal staff, HttpServletRequest request, Model model) {
        var provider = pathVariables(request).getOrDefault("provider", "");
        var posted = request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().length == 0 ? "" : e.getValue()[0]));
        var field = String.valueOf(problem.properties().getOrDefault("field", ""));
        var message = text.problem("payments.console.invalid." + provider + "." + field, problem);
        return render(staff, model, new Refused(provider, posted, field, message));
    }

    private String render(StaffPrincipal staff, Model model, @Nullable Refused refused) {
        var mine = accounts.of(staff).stream()
                .collect(Collectors.toMap(ProviderAccount::provider, Function.identity()));
        var gateways = accounts.gateways().stream()
                .map(provider -> gateway(provider, mine.get(provider),
                        refused != null && refused.provider().equals(provider) ? refused : null))
                .toList();
        model.addAttribute("staff", staff);
        model.addAttribute("gateways", gateways);
        model.addAttribute("modes", GatewayForm.MODES);
        model.addAttribute("canChange", staff.role() == Role.OWNER);
        return "payments/console";
    }

    private Gateway gateway(String provider, @Nullable ProviderAccount account, @Nullable Refused refused) {
        var form = GatewayForm.of(provider).orElse(null);
        State state;
        if (!accounts.switchedOn(provider)) state = State.SWITCHED_OFF;
        else if (account == null) state = State.NOT_SET_UP;
        else state = account.enabled() ? State.ON : State.OFF;
        var values = new HashMap<String, String>();
        var errors = new LinkedHashMap<String, String>();
        String mode;
        if (refused != null) {
            if (form != null) {
                form.fields().stream().filter(f -> !f.secret())
                        .forEach(f -> values.put(f.name(), refused.posted().getOrDefault(f.name(), "")));
            }
            mode = GatewayForm.mode(refused.posted().get("mode"));
            errors.put(form != null && form.has(refused.field()) ? refused.field() : "", refused.message());
        } else {
            if (account != null) {
                account.settings().forEach((name, value) -> {
                    if (value instanceof String plain) values.put(name, plain);
                });
            }
            mode = GatewayForm.mode(values.get("mode"));
        }
        var shown = new LinkedHashMap<String, String>();
        if (account != null) account.settings().forEach((name, value) -> shown.put(name, shown(value)));
        return new Gateway(provider, state, account, form, shown, Map.copyOf(values), mode, errors);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        var variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static String shown(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value);
    }
}
