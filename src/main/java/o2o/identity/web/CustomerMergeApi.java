package o2o.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.CustomerMerge;
import o2o.identity.CustomerMerges;
import o2o.identity.StaffPrincipal;
import o2o.shared.CustomerId;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: customers")
class CustomerMergeApi {

    private final CustomerMerges merges;

    CustomerMergeApi(CustomerMerges merges) {
        this.merges = merges;
    }

    /** Merges the source customer into the target; the same merge again changes nothing. */
    @PostMapping("/api/v1/admin/customers/merge")
    CustomerMerge merge(StaffPrincipal operator, @Valid @RequestBody MergeRequest request) {
        return merges.merge(new CustomerId(request.sourceCustomerId()), new CustomerId(request.targetCustomerId()),
                operator.staffId());
    }
}
