package o2o.loyalty.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.CustomerPrincipal;
import o2o.loyalty.Enrolment;
import o2o.loyalty.Loyalty;
import o2o.loyalty.Membership;
import o2o.loyalty.PointsBalance;
import o2o.shared.MerchantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Membership and points")
class MembershipApi {

    private final Loyalty loyalty;
    private final Enrolment enrolment;

    MembershipApi(Loyalty loyalty, Enrolment enrolment) {
        this.loyalty = loyalty;
        this.enrolment = enrolment;
    }

    @PostMapping("/api/v1/me/memberships")
    Membership join(CustomerPrincipal customer, @Valid @RequestBody Join join) {
        return enrolment.enrol(customer.id(), new MerchantId(join.merchantId()), "online");
    }

    @GetMapping("/api/v1/me/memberships")
    List<Membership> memberships(CustomerPrincipal customer) {
        return loyalty.memberships(customer.customerId());
    }

    @GetMapping("/api/v1/me/points")
    PointsBalance points(CustomerPrincipal customer, @RequestParam UUID merchantId) {
        return loyalty.points(customer.id(), new MerchantId(merchantId));
    }
}
