package o2o.shared.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Shows a problem raised under a page the way its handler's {@link OnProblem} says, before {@link ProblemHandling}
 * would send it to the error page. Handlers without {@code @OnProblem}, and the statuses it leaves to the error
 * page, go on to {@link ProblemHandling} as before.
 */
@Component
public class PageProblems implements HandlerExceptionResolver, Ordered {

    static final String MODEL_NAME = "problem";
    private static final String REDIRECT = PageProblems.class.getName() + ".redirect";

    private final PageText text;
    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

    PageProblems(PageText text, ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        this.text = text;
        this.adapter = adapter;
    }

    /**
     * From here on in this request, a problem goes back to {@code path} rather than to the handler's
     * {@link OnProblem#redirect}: for a handler that has made something (an order) the visitor should land on.
     */
    public static void redirectTo(String path) {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) servlet.getRequest().setAttribute(REDIRECT, path);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception ex) {
        if (!(ex instanceof Problem problem) || !(handler instanceof HandlerMethod method)) return null;
        var shown = method.getMethodAnnotation(OnProblem.class);
        if (shown == null || Arrays.stream(shown.errorPage()).anyMatch(s -> s == problem.status().value())) {
            return null;
        }
        if (!shown.render().isEmpty()) return render(method, shown.render(), problem, request, response);
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(MODEL_NAME, text.problem(problem));
        if (request.getAttribute(REDIRECT) instanceof String chosen) return new ModelAndView("redirect:" + chosen);
        var variables = variables(request);
        for (var name : shown.keep()) flash.put(name, String.valueOf(variables.getOrDefault(name, "")));
        return new ModelAndView("redirect:"
                + UriComponentsBuilder.fromUriString(shown.redirect()).encode().buildAndExpand(variables).toUriString());
    }

    /** A page that cannot be drawn again (it refuses the visitor itself) leaves the first problem to the error page. */
    private @Nullable ModelAndView render(HandlerMethod handler, String name, Problem problem, HttpServletRequest request,
            HttpServletResponse response) {
        var named = Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(handler.getBeanType()))
                .filter(m -> m.getName().equals(name)).toList();
        if (named.size() != 1) {
            throw new IllegalStateException(handler.getBeanType().getName() + " needs one method named " + name);
        }
        var target = named.getFirst();
        var adapter = this.adapter.getObject();
        var method = new ServletInvocableHandlerMethod(handler.getBean(), target);
        var resolvers = new HandlerMethodArgumentResolverComposite();
        resolvers.addResolvers(adapter.getArgumentResolvers());
        method.setHandlerMethodArgumentResolvers(resolvers);
        method.setDataBinderFactory(new ServletRequestDataBinderFactory(null, adapter.getWebBindingInitializer()));
        method.setParameterNameDiscoverer(new DefaultParameterNameDiscoverer());
        var container = new ModelAndViewContainer();
        Object view;
        try {
            view = method.invokeForRequest(new ServletWebRequest(request, response), container, problem);
        } catch (Problem unshowable) {
            return null;
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        var answer = String.valueOf(view);
        if (answer.startsWith("redirect:")) return new ModelAndView(answer);
        if (!takesProblem(target)) container.addAttribute(MODEL_NAME, text.problem(problem));
        return new ModelAndView(answer, container.getModel());
    }

    private static boolean takesProblem(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(Problem.class::isAssignableFrom);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(HttpServletRequest request) {
        var variables = new HashMap<String, Object>();
        request.getParameterMap().forEach((name, values) -> variables.put(name, values[0]));
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path) {
            variables.putAll((Map<String, Object>) path);
        }
        return variables;
    }
}
