package o2o.delivery.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.delivery.DeliveryFigures;
import o2o.identity.StaffPrincipal;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How the merchant's deliveries went, by store and day (owners and managers). */
@RestController
@Tag(name = "Merchant: delivery figures")
class DeliveryFiguresApi {

    private final DeliveryFigures figures;

    DeliveryFiguresApi(DeliveryFigures figures) {
        this.figures = figures;
    }

    /**
     * One group of orders: {@code storeId} null for all the stores asked for, {@code day} null for the whole period.
     * Rates and minutes are null where nothing was delivered, the cost per order where nothing was carried.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DeliveryFigureGroup")
    record Group(@Nullable UUID storeId, @Nullable String storeName, @Nullable LocalDate day, long paid,
            long delivered, long onTime, @Nullable Double onTimeRate, @Nullable Double p50Minutes,
            @Nullable Double p90Minutes, Money fees, long carried, Money courierCost, @Nullable Money costPerOrder,
            long cancelled, long returned) {

        static Group of(DeliveryFigures.Group g) {
            return new Group(g.store() == null ? null : g.store().value(), g.storeName(), g.day(), g.paid(),
                    g.delivered(), g.onTime(), g.onTimeRate(), g.p50Minutes(), g.p90Minutes(), g.fees(), g.carried(),
                    g.courierCost(), g.costPerOrder(), g.cancelled(), g.returned());
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "DeliveryFigures")
    record Response(LocalDate from, LocalDate to, @Nullable UUID storeId, Group total, List<Group> byDay,
            List<Group> byStore, List<Group> byStoreAndDay) {

        static Response of(DeliveryFigures.Figures f) {
            return new Response(f.from(), f.to(), f.store() == null ? null : f.store().value(), Group.of(f.total()),
                    f.byDay().stream().map(Group::of).toList(), f.byStore().stream().map(Group::of).toList(),
                    f.byStoreAndDay().stream().map(Group::of).toList());
        }
    }

    @GetMapping("/api/v1/merchant/delivery/figures")
    @Operation(summary = "Delivery orders paid and delivered, the share delivered by the promised time, p50/p90 minutes "
            + "from paid to delivered, fees kept, courier cost per carried order, cancelled and returned: over the "
            + "period, per day (every day, empty ones too), per store, and per store and day. Days in Asia/Shanghai "
            + "by when the order was paid, both included (default the last 30; at most 366); storeId for one store")
    Response figures(StaffPrincipal staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable UUID storeId) {
        return Response.of(figures.figures(staff, from, to, storeId));
    }
}
