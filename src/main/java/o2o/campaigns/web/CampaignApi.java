package o2o.campaigns.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.campaigns.CampaignCoupons;
import o2o.campaigns.Campaigns;
import o2o.campaigns.CodeWithScans;
import o2o.identity.StaffPrincipal;
import o2o.shared.Page;
import o2o.shared.QrCodes;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's campaigns and their tracking codes (owners and managers). */
@RestController
@Tag(name = "Campaigns")
class CampaignApi {

    static final int QR_SIZE = 600;

    private final Campaigns campaigns;
    private final CampaignCoupons coupons;
    private final ShortLinks links;
    private final Clock clock;

    CampaignApi(Campaigns campaigns, CampaignCoupons coupons, ShortLinks links, Clock clock) {
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.links = links;
        this.clock = clock;
    }

    @PostMapping("/api/v1/merchant/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a campaign: name, goal, period (dates, ends on or after it starts), media cost, "
            + "attribution window (1-90 days, default 7)")
    ResponseEntity<CampaignResponse> create(StaffPrincipal staff, @RequestBody CampaignRequest request) {
        var created = campaigns.create(staff, request.toTerms());
        return ResponseEntity.created(URI.create("/api/v1/merchant/campaigns/" + created.id()))
                .body(CampaignResponse.of(created, today()));
    }

    @GetMapping("/api/v1/merchant/campaigns")
    @Operation(summary = "The merchant's campaigns, newest first, paged by cursor (limit 1-100, default 20)")
    Page<CampaignResponse> list(StaffPrincipal staff, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        var page = campaigns.page(staff, cursor, limit);
        var today = today();
        return new Page<>(page.items().stream().map(c -> CampaignResponse.of(c, today)).toList(), page.next());
    }

    @GetMapping("/api/v1/merchant/campaigns/{id}")
    @Operation(summary = "One campaign with its tracking codes and each code's scan count, and its coupons")
    CampaignDetailsResponse one(StaffPrincipal staff, @PathVariable UUID id) {
        var details = campaigns.details(staff, id);
        return new CampaignDetailsResponse(CampaignResponse.of(details.campaign(), today()), codes(details.codes()),
                coupons.of(staff, id).stream().map(CampaignCouponResponse::of).toList());
    }

    @PostMapping("/api/v1/merchant/campaigns/{id}/coupons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link one of the merchant's coupon templates to the campaign: orders using its coupons are "
            + "the campaign's (409 when another campaign has it)")
    CampaignCouponResponse linkCoupon(StaffPrincipal staff, @PathVariable UUID id,
            @RequestBody CouponLinkRequest request) {
        return CampaignCouponResponse.of(coupons.link(staff, id, request.required()));
    }

    @GetMapping("/api/v1/merchant/campaigns/{id}/coupons")
    @Operation(summary = "The coupon templates the campaign hands out")
    List<CampaignCouponResponse> listCoupons(StaffPrincipal staff, @PathVariable UUID id) {
        return coupons.of(staff, id).stream().map(CampaignCouponResponse::of).toList();
    }

    @PostMapping("/api/v1/merchant/campaigns/{id}/tracking-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a tracking code: a channel, a target page, optionally a store, a staff member, a label "
            + "and the merchant's own code (409 when taken)")
    ResponseEntity<CodeResponse> addCode(StaffPrincipal staff, @PathVariable UUID id,
            @RequestBody CodeRequest request) {
        var created = campaigns.addCode(staff, id, request.toNew());
        return ResponseEntity.created(URI.create("/api/v1/merchant/campaigns/" + id + "/tracking-codes/"
                + created.code().id())).body(CodeResponse.of(created, links.of(created.code().code())));
    }

    @GetMapping("/api/v1/merchant/campaigns/{id}/tracking-codes")
    @Operation(summary = "The campaign's tracking codes with their scan counts")
    List<CodeResponse> listCodes(StaffPrincipal staff, @PathVariable UUID id) {
        return codes(campaigns.codes(staff, id));
    }

    @GetMapping("/api/v1/merchant/campaigns/{id}/tracking-codes/{codeId}")
    @Operation(summary = "One tracking code with its scan count")
    CodeResponse oneCode(StaffPrincipal staff, @PathVariable UUID id, @PathVariable UUID codeId) {
        var code = campaigns.code(staff, id, codeId);
        return CodeResponse.of(code, links.of(code.code().code()));
    }

    @GetMapping(path = {"/api/v1/merchant/campaigns/{id}/tracking-codes/{codeId}/qr.png",
            "/merchant/campaigns/{id}/codes/{codeId}/qr.png"}, produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The code's QR image (PNG) of its absolute short link")
    ResponseEntity<byte[]> qr(StaffPrincipal staff, @PathVariable UUID id, @PathVariable UUID codeId) {
        var code = campaigns.code(staff, id, codeId);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(QrCodes.png(links.of(code.code().code()), QR_SIZE));
    }

    private List<CodeResponse> codes(List<CodeWithScans> codes) {
        return codes.stream().map(c -> CodeResponse.of(c, links.of(c.code().code()))).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PageText.ZONE));
    }
}
