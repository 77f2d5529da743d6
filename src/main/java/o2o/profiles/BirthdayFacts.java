package o2o.profiles;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.UUID;

import o2o.identity.Customers;
import o2o.profiles.persistence.ProfileBirthdays;
import o2o.profiles.persistence.ProfileRows;
import o2o.shared.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the customers' birthdays (month and day) where segments can read them: set from identity's
 * {@code BirthdaySet} event, and, for a customer a batch meets who has no row yet (a birthday given before this was
 * kept), read from identity once, for the whole batch in one call.
 */
@Component
class BirthdayFacts {

    private final ProfileBirthdays birthdays;
    private final ProfileRows rows;
    private final SegmentMembership segments;
    private final Customers customers;

    BirthdayFacts(ProfileBirthdays birthdays, ProfileRows rows, SegmentMembership segments, Customers customers) {
        this.birthdays = birthdays;
        this.rows = rows;
        this.segments = segments;
        this.customers = customers;
    }

    /** The customer's birthday changed: kept, and their segments evaluated again in every scope they have. */
    @Transactional
    void set(CustomerId customer, @Nullable LocalDate birthday) {
        birthdays.set(customer.value(), birthday == null ? null : MonthDays.of(birthday));
        segments.reevaluate(rows.profilesOf(customer.value()));
    }

    /** In the caller's transaction: the birthdays of those of these customers never read before. */
    void readUnknown(Collection<UUID> customerIds) {
        var unknown = birthdays.unknownAmong(customerIds);
        if (unknown.isEmpty()) return;
        var found = customers.birthdaysOf(unknown.stream().map(CustomerId::new).toList());
        var monthDays = new HashMap<UUID, Integer>();
        found.forEach((customer, birthday) -> monthDays.put(customer.value(), MonthDays.of(birthday)));
        birthdays.addRead(unknown, monthDays);
    }
}
