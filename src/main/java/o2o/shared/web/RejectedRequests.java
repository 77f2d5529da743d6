package o2o.shared.web;

import o2o.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request the security firewall refuses (an encoded slash or dot segment, a malformed address) is a 400 like any
 * other bad input: problem details on the API, the error page on the site.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.refuse(request, response,
                new InvalidInput("path", "is not a valid address", "input.malformed-address"));
    }
}
