package o2o.profiles.web;

import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.profiles.MemberFacts;
import o2o.profiles.Profiles;
import o2o.shared.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A member's profile facts and the merchant's tags on them. */
@RestController
class ProfileApi {

    /** A tag to add. */
    record TagRequest(@Nullable String tag) {}

    /** The member's tags after the change. */
    record Tags(List<String> tags) {}

    private final Profiles profiles;

    ProfileApi(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/merchant/members/{customerId}/profile")
    MemberFacts profile(StaffPrincipal staff, @PathVariable UUID customerId) {
        return profiles.facts(staff, new CustomerId(customerId));
    }

    @PostMapping("/api/v1/merchant/members/{customerId}/tags")
    @ResponseStatus(HttpStatus.OK)
    Tags tag(StaffPrincipal staff, @PathVariable UUID customerId, @RequestBody TagRequest request) {
        return new Tags(profiles.tag(staff, new CustomerId(customerId), request.tag()));
    }

    @DeleteMapping("/api/v1/merchant/members/{customerId}/tags")
    Tags untag(StaffPrincipal staff, @PathVariable UUID customerId, @RequestParam String tag) {
        return new Tags(profiles.untag(staff, new CustomerId(customerId), tag));
    }
}
