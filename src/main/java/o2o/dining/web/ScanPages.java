package o2o.dining.web;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import o2o.dining.TableScans;
import o2o.dining.Tables;
import o2o.dining.TrackingCode;
import o2o.identity.CustomerPrincipal;
import o2o.loyalty.Enrolment;
import o2o.merchants.Stores;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Scanning a table's QR code: the scan is recorded and opens (or joins) the table's session, then a diner who is not
 * yet a member is offered to join in one step (signing in by phone first when signed out; both skippable) on the way
 * to the store's menu for that table.
 */
@Controller
class ScanPages {

    static final String SCAN = "o2o.dining.scan";
    static final String DINER_COOKIE = "o2o_diner";
    private static final int DINER_COOKIE_AGE = (int) Duration.ofDays(365).toSeconds();

    private final TableScans scans;
    private final Tables tables;
    private final Stores stores;
    private final Enrolment enrolment;

    ScanPages(TableScans scans, Tables tables, Stores stores, Enrolment enrolment) {
        this.scans = scans;
        this.tables = tables;
        this.stores = stores;
        this.enrolment = enrolment;
    }

    @GetMapping("/t/{code}")
    String scan(@PathVariable String code, @RequestParam(required = false) @Nullable String src,
            @Nullable Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            HttpSession session) {
        var customer = customerOf(authentication);
        var dinerKey = customer != null ? customer.customerId().toString() : dinerCookie(request, response);
        var scan = scans.scan(code, TrackingCode.lenient(src), customer == null ? null : customer.customerId(),
                dinerKey);
        session.setAttribute(SCAN, scan.id());
        if (scan.member()) return "redirect:" + TableLinks.menu(scan.table().storeId(), scan.table().code());
        return "redirect:/t/" + UriUtils.encodePathSegment(scan.table().code(), "UTF-8") + "/join";
    }

    /** The one-step offer: join (signed in), sign in by phone then join (signed out), or go straight to the menu. */
    @GetMapping("/t/{code}/join")
    String offer(@PathVariable String code, @Nullable Authentication authentication, HttpSession session,
            Model model) {
        var table = tables.byCode(code).orElseThrow(() -> Problem.notFound("table"));
        if (scanOf(session, code) == null) return "redirect:/t/" + UriUtils.encodePathSegment(code, "UTF-8");
        var store = stores.findListed(table.storeId()).orElseThrow(() -> Problem.notFound("table"));
        var menu = TableLinks.menu(store.id(), table.code());
        var customer = customerOf(authentication);
        if (customer != null && enrolment.isMember(customer.id(),
                new MerchantId(store.merchantId()))) {
            return "redirect:" + menu;
        }
        model.addAttribute("store", store);
        model.addAttribute("table", table);
        model.addAttribute("menu", menu);
        model.addAttribute("signedIn", customer != null);
        return "dining/join";
    }

    @PostMapping("/t/{code}/join")
    String join(@PathVariable String code, @RequestParam(defaultValue = "") String name,
            @Nullable Authentication authentication, HttpSession session) {
        var table = tables.byCode(code).orElseThrow(() -> Problem.notFound("table"));
        var path = "/t/" + UriUtils.encodePathSegment(code, "UTF-8");
        var customer = customerOf(authentication);
        if (customer == null) return "redirect:/signin?next=" + UriUtils.encodeQueryParam(path + "/join", "UTF-8");
        var scan = scanOf(session, code);
        if (scan == null) return "redirect:" + path;
        scans.join(scan, customer.id(), name);
        return "redirect:" + TableLinks.menu(table.storeId(), table.code());
    }

    /** The scan this browser made of this table, if it made one. */
    private @Nullable UUID scanOf(HttpSession session, String code) {
        if (!(session.getAttribute(SCAN) instanceof UUID scan)) return null;
        return scans.tableOf(scan).code().equals(code) ? scan : null;
    }

    /** A random key kept on the phone, so that a signed-out diner's repeated scans count as one diner. */
    private static String dinerCookie(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (var cookie : request.getCookies()) {
                if (cookie.getName().equals(DINER_COOKIE) && cookie.getValue().matches("[0-9a-f-]{36}")) {
                    return "anon:" + cookie.getValue();
                }
            }
        }
        var key = UUID.randomUUID().toString();
        var cookie = new Cookie(DINER_COOKIE, key);
        cookie.setPath("/t");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(DINER_COOKIE_AGE);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return "anon:" + key;
    }

    private static @Nullable CustomerPrincipal customerOf(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer
                ? customer : null;
    }
}
