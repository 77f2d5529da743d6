package o2o.shared.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Language: Simplified Chinese unless the visitor chose English ({@code ?lang=en}, remembered in a cookie); API
 * callers may ask for English with {@code Accept-Language: en}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("o2o-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            var accept = request.getHeader("Accept-Language");
            boolean api = request.getRequestURI().startsWith("/api/");
            return api && accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en")
                    ? Locale.ENGLISH
                    : Locale.SIMPLIFIED_CHINESE;
        });
        return resolver;
    }

    /**
     * Links are written as the templates give them. Boot's resource URL encoding would look every href and form
     * action of every page up on the class path (uncached when it is not a static file): in the checkout bench that
     * was a tenth of the application's CPU. WebJars need no version in the link; the resource chain finds it when
     * the file is requested.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** Request mappings looked up by their literal start first ({@link PrefixedHandlerMapping}). */
    @Bean
    WebMvcRegistrations prefixedHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixedHandlerMapping();
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
