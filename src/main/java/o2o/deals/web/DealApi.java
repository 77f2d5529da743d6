package o2o.deals.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.deals.Deal;
import o2o.deals.Deals;
import o2o.identity.StaffPrincipal;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Deals")
class DealApi {

    private final Deals deals;
    private final Clock clock;

    DealApi(Deals deals, Clock clock) {
        this.deals = deals;
        this.clock = clock;
    }

    @PostMapping("/api/v1/merchant/deals")
    @ResponseStatus(HttpStatus.CREATED)
    DealResponse create(StaffPrincipal staff, @Valid @RequestBody DealRequest request) {
        return responses(List.of(deals.create(staff, request.toTerms()))).getFirst();
    }

    @GetMapping("/api/v1/merchant/deals")
    List<DealResponse> mine(StaffPrincipal staff) {
        return responses(deals.ofMerchant(staff));
    }

    @GetMapping("/api/v1/merchant/deals/{id}")
    DealResponse get(StaffPrincipal staff, @PathVariable UUID id) {
        return responses(List.of(deals.ofStaff(staff, id))).getFirst();
    }

    @PostMapping("/api/v1/merchant/deals/{id}/end")
    DealResponse end(StaffPrincipal staff, @PathVariable UUID id) {
        return responses(List.of(deals.end(staff, id))).getFirst();
    }

    @GetMapping("/api/v1/deals/{id}")
    DealResponse deal(@PathVariable UUID id) {
        var deal = deals.find(id).filter(Deal::active).orElseThrow(() -> Problem.notFound("deal"));
        return responses(List.of(deal)).getFirst();
    }

    @GetMapping("/api/v1/stores/{storeId}/deals")
    List<DealResponse> atStore(@PathVariable UUID storeId) {
        return responses(deals.onSaleAt(storeId));
    }

    private List<DealResponse> responses(List<Deal> found) {
        var names = deals.merchantNames(found);
        var now = clock.instant();
        return found.stream().map(d -> DealResponse.of(d, names.getOrDefault(d.merchantId(), ""), now)).toList();
    }
}
