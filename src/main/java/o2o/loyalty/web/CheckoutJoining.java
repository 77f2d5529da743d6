package o2o.loyalty.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.loyalty.Enrolment;
import o2o.shared.MerchantId;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Joining at checkout: the deal page's buy form carries a "join membership" box (a fragment of this module, since
 * orders know nothing of loyalty); when it is ticked, the customer joins the deal's merchant just before the orders
 * module places the order (channel {@code checkout}). The order is placed either way.
 */
@Configuration
class CheckoutJoining implements WebMvcConfigurer, HandlerInterceptor {

    static final String JOIN = "joinMembership";
    static final String MERCHANT = "joinMerchantId";

    private final Enrolment enrolment;

    CheckoutJoining(Enrolment enrolment) {
        this.enrolment = enrolment;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/deals/*/buy");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod()) || request.getParameter(JOIN) == null) return true;
        var customer = MemberCardPages.customerOf(SecurityContextHolder.getContext().getAuthentication());
        var merchant = request.getParameter(MERCHANT);
        if (customer == null || merchant == null) return true;
        try {
            enrolment.join(customer.id(),
                    new MerchantId(UUID.fromString(merchant)), Enrolment.CHECKOUT, null);
        } catch (IllegalArgumentException e) {
            // a tampered form: the order goes ahead without joining
        }
        return true;
    }
}
