package o2o.footfall.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.footfall.DoorCounts;
import o2o.footfall.DoorTally;
import o2o.identity.PosPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What a mall's door counters post, with a POS key of the mall's building. */
@RestController
@Tag(name = "Door counters")
class DoorCountApi {

    private final DoorCounts counts;

    DoorCountApi(DoorCounts counts) {
        this.counts = counts;
    }

    @PostMapping("/api/v1/pos/door-counts")
    @Operation(summary = "People in and out through one entrance per 15 minutes (up to 96 intervals, each starting on "
            + "a quarter hour and reported once it has ended). Idempotent by key, entrance and interval start: an "
            + "interval reported before is a duplicate and keeps its first counts. A wrong interval refuses the batch "
            + "with nothing stored")
    @ApiResponse(responseCode = "200", description = "How many intervals were stored now and how many were duplicates")
    @ApiResponse(responseCode = "400", description = "A misaligned, unfinished or negative interval; nothing stored")
    @ApiResponse(responseCode = "403", description = "The key is not one of a mall building's store")
    DoorTally post(PosPrincipal pos, @RequestBody DoorCountRequest request) {
        return counts.record(pos, request.batch());
    }
}
