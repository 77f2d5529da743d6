package o2o.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.security.ConsoleSignIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Staff and operators sign in by password: the form posts to Spring Security ({@link ConsoleSignIn}). */
@Controller
class StaffSignInPages {

    @GetMapping("/staff/login")
    String staffLogin() {
        return "identity/staff-login";
    }

    /**
     * The form again, with 429 and Retry-After, when the form login refused a try (too many failed sign-ins from
     * this client); only that refusal forwards here, anyone else who comes is sent to the form.
     */
    @RequestMapping(ConsoleSignIn.WAIT_PAGE)
    String staffLoginWait(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(ConsoleSignIn.RETRY_AFTER) instanceof Long seconds)) {
            return "redirect:/staff/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        model.addAttribute("waitSeconds", seconds);
        return "identity/staff-login";
    }
}
