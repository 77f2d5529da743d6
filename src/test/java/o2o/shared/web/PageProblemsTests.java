package o2o.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import o2o.shared.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;

/** Which problems a page shows, and where a redirect takes them: without Spring's context or a database. */
class PageProblemsTests {

    static class Orders {

        @OnProblem(redirect = "/me/orders/{id}?tab={tab}", keep = "note", errorPage = 404)
        String cancel() {
            return "redirect:/me/orders";
        }

        String plain() {
            return "orders";
        }
    }

    private final PageProblems pages = new PageProblems(new PageText(messages()), null);
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/me/orders/o-1/cancel");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @BeforeEach
    void aChineseVisitor() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, new FlashMap());
    }

    @AfterEach
    void forgetTheRequest() {
        RequestContextHolder.resetRequestAttributes();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aRefusalGoesBackToThePageNamedWithItsWordsAndWhatWasTyped() {
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "o-1"));
        request.setParameter("tab", "待 付款");
        request.setParameter("note", "多放葱");

        var shown = pages.resolveException(request, response, handler("cancel"), conflict());

        assertThat(shown).isNotNull();
        assertThat(shown.getViewName()).isEqualTo("redirect:/me/orders/o-1?tab=%E5%BE%85%20%E4%BB%98%E6%AC%BE");
        assertThat(flash()).containsEntry("problem", "已经取消了").containsEntry("note", "多放葱");
    }

    @Test
    void theHandlerMayNameAnotherPageOnceItHasMadeSomething() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "o-1"));
        PageProblems.redirectTo("/me/pickups/p-9");

        var shown = pages.resolveException(request, response, handler("cancel"), conflict());

        assertThat(shown).isNotNull();
        assertThat(shown.getViewName()).isEqualTo("redirect:/me/pickups/p-9");
        assertThat(flash()).containsOnlyKeys("problem");
    }

    @Test
    void theStatusesLeftToTheErrorPageAreNotShown() {
        assertThat(pages.resolveException(request, response, handler("cancel"), Problem.notFound("order"))).isNull();
    }

    @Test
    void aHandlerWithoutOnProblemLeavesEveryProblemToTheErrorPage() {
        assertThat(pages.resolveException(request, response, handler("plain"), conflict())).isNull();
        assertThat(pages.resolveException(request, response, handler("cancel"), new IllegalStateException())).isNull();
    }

    private static Problem conflict() {
        return new Problem(HttpStatus.CONFLICT, "order-cancelled", "already cancelled");
    }

    private Map<String, Object> flash() {
        return (FlashMap) request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE);
    }

    private static HandlerMethod handler(String name) {
        try {
            return new HandlerMethod(new Orders(), Orders.class.getDeclaredMethod(name));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StaticMessageSource messages() {
        var messages = new StaticMessageSource();
        messages.addMessage("problem.order-cancelled", Locale.SIMPLIFIED_CHINESE, "已经取消了");
        return messages;
    }
}
