package o2o.identity.web;

import java.time.LocalDate;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.shared.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The customer's own birthday (optional): merchants whose member they are see it on the member's profile. */
@RestController
class BirthdayApi {

    /** A birthday, or null for none. */
    record Birthday(@Nullable LocalDate birthday) {}

    private final Customers customers;

    BirthdayApi(Customers customers) {
        this.customers = customers;
    }

    @GetMapping("/api/v1/me/birthday")
    Birthday birthday(CustomerPrincipal customer) {
        return new Birthday(customers.birthdayOf(new CustomerId(customer.customerId())).orElse(null));
    }

    @PutMapping("/api/v1/me/birthday")
    Birthday set(CustomerPrincipal customer, @RequestBody Birthday request) {
        customers.setBirthday(customer, request.birthday());
        return new Birthday(customers.birthdayOf(new CustomerId(customer.customerId())).orElse(null));
    }
}
