package o2o.identity.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.identity.security.OneTimeCodes;
import o2o.identity.security.StaffSignIn;
import o2o.identity.security.Tokens;
import o2o.identity.wechat.WechatSignIn;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.web.ClientAddress;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sign-in")
class AuthController {

    private final OneTimeCodes codes;
    private final StaffSignIn staffSignIn;
    private final Tokens tokens;
    private final WechatSignIn wechat;

    AuthController(OneTimeCodes codes, StaffSignIn staffSignIn, Tokens tokens, WechatSignIn wechat) {
        this.wechat = wechat;
        this.codes = codes;
        this.staffSignIn = staffSignIn;
        this.tokens = tokens;
    }

    /** Texts a one-time sign-in code to the phone. The code is never in the response. */
    @PostMapping("/api/v1/auth/otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CodeSent sendCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        var ttl = codes.send(PhoneNumber.parse(request.phone()), ClientAddress.of(http), LocaleContextHolder.getLocale());
        return new CodeSent(ttl.toSeconds());
    }

    @PostMapping("/api/v1/auth/otp/verify")
    CustomerToken verify(@Valid @RequestBody VerifyRequest request, HttpServletRequest http) {
        var phone = PhoneNumber.parse(request.phone());
        var customer = request.wechatTicket() == null
                ? codes.verify(phone, request.code(), ClientAddress.of(http))
                : wechat.verifyPhoneAndBind(phone, request.code(), ClientAddress.of(http),
                        wechat.readTicket(request.wechatTicket()));
        return new CustomerToken(tokens.issue(customer), customer.customerId());
    }

    /**
     * Signs in with a WeChat authorization code (H5 inside WeChat, mini-app): the server exchanges it with WeChat. An
     * account bound to a customer gets that customer's token; one that is not is a 403 {@code wechat-phone-needed}
     * carrying a short-lived {@code wechatTicket} to send with the SMS code to {@code /api/v1/auth/otp/verify}.
     */
    @PostMapping("/api/v1/auth/wechat")
    CustomerToken wechat(@Valid @RequestBody WechatRequest request, HttpServletRequest http) {
        var account = wechat.exchange(request.code(), Boolean.TRUE.equals(request.profile()), ClientAddress.of(http));
        var customer = wechat.signIn(account).orElseThrow(() -> new Problem(HttpStatus.FORBIDDEN,
                "wechat-phone-needed", "this WeChat account is not bound yet: prove a phone with the wechatTicket",
                Map.of("wechatTicket", wechat.ticketFor(account), "expiresInSeconds", wechat.ticketTtl().toSeconds())));
        return new CustomerToken(tokens.issue(customer), customer.customerId());
    }

    @PostMapping("/api/v1/auth/staff/login")
    StaffToken staffLogin(@Valid @RequestBody StaffLoginRequest request, HttpServletRequest http) {
        var staff = staffSignIn.authenticate(request.username(), request.password(), ClientAddress.of(http));
        return new StaffToken(tokens.issue(staff), staff.staffId(), staff.role(), staff.merchantId());
    }

    @GetMapping("/api/v1/me")
    Me customer(CustomerPrincipal customer) {
        return new Me(customer.customerId(), "customer", customer.phone().masked(), Role.CUSTOMER, null);
    }

    @GetMapping("/api/v1/merchant/me")
    Me staff(StaffPrincipal staff) {
        return new Me(staff.staffId(), "staff", staff.username(), staff.role(), staff.merchantId());
    }

}
