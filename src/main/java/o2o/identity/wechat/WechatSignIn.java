package o2o.identity.wechat;

import java.time.Duration;
import java.util.Optional;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.WechatAccount;
import o2o.identity.security.IdentityProperties;
import o2o.identity.security.OneTimeCodes;
import o2o.identity.security.Tokens;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sign-in with WeChat. WeChat proves the openid; a bound openid signs its customer in. An openid nobody holds yet is
 * bound only when the person also proves a phone by SMS code, in the same step, so a WeChat account always lands on
 * a customer who owns that phone, and an openid bound to somebody is never moved.
 */
@Component
public class WechatSignIn {

    private final WechatProperties properties;
    private final WechatOAuth oauth;
    private final Customers customers;
    private final OneTimeCodes codes;
    private final RateLimits rateLimits;
    private final Tokens tokens;
    private final Limit exchangesPerClient;

    WechatSignIn(WechatProperties properties, WechatOAuth oauth, Customers customers, OneTimeCodes codes,
            RateLimits rateLimits, Tokens tokens, IdentityProperties identity) {
        this.tokens = tokens;
        this.properties = properties;
        this.oauth = oauth;
        this.customers = customers;
        this.codes = codes;
        this.rateLimits = rateLimits;
        this.exchangesPerClient = new Limit("wechat-signin-client", identity.clientSignInsPer15m(), Duration.ofMinutes(15));
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** 404 while WeChat sign-in is not configured, as if the routes were not there. */
    public void requireEnabled() {
        if (!enabled()) throw Problem.notFound("WeChat sign-in");
    }

    public String authorizeUrl(String redirectUri, String state, boolean profile) {
        requireEnabled();
        return oauth.authorizeUrl(redirectUri, state, profile);
    }

    /** Asks WeChat whom the code was issued to; a wrong or used code is a 401 and nothing else happens. */
    public WechatAccount exchange(String code, boolean profile, String client) {
        requireEnabled();
        rateLimits.check(exchangesPerClient, client);
        if (code.isBlank() || code.length() > 256) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "wechat-code-invalid", "no code");
        }
        return oauth.exchange(code.strip(), profile);
    }

    /** The customer this WeChat account is bound to, signed in (their profile refreshed when it was shared now). */
    public Optional<CustomerPrincipal> signIn(WechatAccount account) {
        var customer = customers.byWechatOpenid(account.openid());
        if (customer.isPresent() && (account.nickname() != null || account.unionid() != null)) {
            customers.refreshWechatProfile(account);
        }
        return customer;
    }

    /**
     * Checks the SMS code of the phone and binds the WeChat account to that phone's customer. The code is spent
     * either way; when the binding is refused (the openid is somebody else's, or this customer has another WeChat
     * account) nobody is signed in.
     */
    public CustomerPrincipal verifyPhoneAndBind(PhoneNumber phone, String code, String client, WechatAccount account) {
        requireEnabled();
        var customer = codes.verify(phone, code, client);
        customers.bindWechat(customer.customerId(), account);
        return customer;
    }

    /** A short-lived signed ticket for an API client whose WeChat account still needs a phone. */
    public String ticketFor(WechatAccount account) {
        return tokens.issueWechatTicket(account, properties.ticketTtl());
    }

    /** The account a ticket vouches for (401 when forged or expired); checked before an SMS code is spent on it. */
    public WechatAccount readTicket(String ticket) {
        requireEnabled();
        return tokens.readWechatTicket(ticket);
    }

    public Duration ticketTtl() {
        return properties.ticketTtl();
    }
}
