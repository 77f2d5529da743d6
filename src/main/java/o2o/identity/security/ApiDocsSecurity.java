package o2o.identity.security;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import o2o.identity.CustomerPrincipal;
import o2o.identity.PosPrincipal;
import o2o.identity.StaffPrincipal;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The OpenAPI document tells the truth about credentials: the signed-in principal a controller method takes is
 * resolved from the credentials ({@link CurrentPrincipals}), not sent as a parameter, and each operation names
 * the security scheme the filter chain asks of it: none for the open doors of {@link PublicApi}, a store's POS key
 * under {@code /api/v1/pos}, a bearer token everywhere else.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    static final String BEARER = "bearer";
    static final String POS_KEY = "posApiKey";
    static final String POS_BEARER = "posBearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(
                StaffPrincipal.class, CustomerPrincipal.class, PosPrincipal.class);
    }

    @Bean
    OpenApiCustomizer credentialsInApiDocs() {
        return openApi -> {
            var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT")
                            .description("A customer's, staff member's or operator's token from /api/v1/auth"))
                    .addSecuritySchemes(POS_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                            .description("A store's POS API key (o2opos_…), made in the merchant console"))
                    .addSecuritySchemes(POS_BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer").description("The same POS API key as `Authorization: Bearer o2opos_…`"));
            openApi.setComponents(components);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    operation.setSecurity(requirements(HttpMethod.valueOf(method.name()), path))));
        };
    }

    private static List<SecurityRequirement> requirements(HttpMethod method, String path) {
        if (PublicApi.isOpen(method, path)) return List.of();
        if (PublicApi.isPos(path)) {
            return List.of(new SecurityRequirement().addList(POS_KEY), new SecurityRequirement().addList(POS_BEARER));
        }
        return List.of(new SecurityRequirement().addList(BEARER));
    }
}
