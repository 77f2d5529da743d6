package o2o.footfall.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import o2o.footfall.MallFootfall;
import org.jspecify.annotations.Nullable;

/** The mall dashboard as JSON: money in fen, shares in per mille, dwell in seconds, days in Asia/Shanghai. */
record MallDashboardResponse(UUID mallId, String mallName, LocalDate from, LocalDate to, MallFootfall.Doors doors,
        MallFootfall.Members members, List<SalesResponse> byFloor, List<SalesResponse> byCategory) {

    record SalesResponse(String name, @Nullable Integer level, long orders, long posNetMinor, long onlineNetMinor,
            long netMinor) {

        static SalesResponse of(MallFootfall.Sales s) {
            return new SalesResponse(s.name(), s.level(), s.orders(), s.posNetMinor(), s.onlineNetMinor(), s.netMinor());
        }
    }

    static MallDashboardResponse of(MallFootfall f) {
        return new MallDashboardResponse(f.mall().id().value(), f.mall().name(), f.period().from(), f.period().to(),
                f.doors(), f.members(), f.byFloor().stream().map(SalesResponse::of).toList(),
                f.byCategory().stream().map(SalesResponse::of).toList());
    }
}
