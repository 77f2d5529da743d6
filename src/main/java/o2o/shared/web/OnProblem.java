package o2o.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a page shows a {@link o2o.shared.Problem} its handler raised: with the page again and the problem's words on it,
 * instead of the error page. Either {@link #render} names the controller's method that draws the page again (the
 * form's values are bound to its parameters once more, as for any handler), and the message is in the model as
 * {@code problem}; or {@link #redirect} names the page to go back to, and the message is the flash attribute
 * {@code problem}. A render method that takes the {@code Problem} as a parameter words it itself. See
 * {@link PageProblems}.
 *
 * <pre>{@code
 * @PostMapping("/merchant/coupons/new")
 * @OnProblem(render = "form")
 * String issue(StaffPrincipal staff, @ModelAttribute CouponForm form) { ... }
 *
 * @PostMapping("/me/orders/{id}/cancel")
 * @OnProblem(redirect = "/me/orders/{id}")
 * String cancel(CustomerPrincipal customer, @PathVariable UUID id) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnProblem {

    /** The name of a method of the same controller that answers with the page (or its htmx fragment) again. */
    String render() default "";

    /**
     * The page to go back to, a URI template whose variables are the request's path variables and parameters
     * ({@code "/stores/{storeId}/reserve?date={date}"}).
     */
    String redirect() default "";

    /**
     * Path variables or request parameters handed to the page after the redirect as flash attributes (as text), so
     * what was typed stays, or the page knows which of its items the problem is about.
     */
    String[] keep() default {};

    /** The statuses that still go to the error page: a page never shows what the visitor may not see. */
    int[] errorPage() default {403, 404};
}
