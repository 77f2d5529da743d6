package o2o.identity.web;

import java.util.UUID;

import o2o.identity.CustomerMerges;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.StaffPrincipal;
import o2o.shared.CustomerId;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator console's merge form: two customers, each by phone or id, the first merged into the second. */
@Controller
class CustomerMergePages {

    private final CustomerMerges merges;
    private final Customers customers;

    CustomerMergePages(CustomerMerges merges, Customers customers) {
        this.merges = merges;
        this.customers = customers;
    }

    @PostMapping("/admin/customers/merge")
    @OnProblem(render = "result", errorPage = {})
    String merge(StaffPrincipal operator, @RequestParam String source, @RequestParam String target, Model model) {
        model.addAttribute("merge", merges.merge(customer(source, "source"), customer(target, "target"),
                operator.staffId()));
        return result();
    }

    String result() {
        return "identity/merge :: result";
    }

    private CustomerId customer(String phoneOrId, String field) {
        var value = phoneOrId.strip();
        if (value.length() == 36) {
            try {
                return new CustomerId(UUID.fromString(value));
            } catch (IllegalArgumentException notAnId) {
                // read as a phone below
            }
        }
        return customers.byPhone(PhoneNumber.parse(value)).map(CustomerPrincipal::id)
                .orElseThrow(() -> Problem.notFound(field));
    }
}
