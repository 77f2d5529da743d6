package o2o.identity.security;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.PosPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take a {@link StaffPrincipal}, {@link CustomerPrincipal} or {@link PosPrincipal} parameter,
 * whether the caller came with a token, a console session or a POS API key. A customer is resolved to who they are
 * now: the tokens and sessions of a customer merged into another act as that other one (one primary-key read per
 * request, instead of revoking tokens).
 */
class CurrentPrincipals implements HandlerMethodArgumentResolver {

    private final ObjectProvider<Customers> customers;

    CurrentPrincipals(ObjectProvider<Customers> customers) {
        this.customers = customers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        var type = parameter.getParameterType();
        return type == StaffPrincipal.class || type == CustomerPrincipal.class || type == PosPrincipal.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof StaffSignIn.StaffUser user) principal = user.principal();
        if (principal instanceof CustomerPrincipal customer && parameter.getParameterType() == CustomerPrincipal.class) {
            return customers.getObject().current(customer.customerId())
                    .orElseThrow(() -> new Problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "sign in again"));
        }
        if (parameter.getParameterType().isInstance(principal)) return principal;
        throw new Problem(HttpStatus.FORBIDDEN, "forbidden", "this needs a different kind of account");
    }
}
