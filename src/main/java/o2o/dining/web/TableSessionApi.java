package o2o.dining.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.dining.FloorPlan;
import o2o.dining.TableScans;
import o2o.dining.TableScans.Conversion;
import o2o.dining.TableSession;
import o2o.identity.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff seat parties and clear tables; owners see what the table QR codes brought in. */
@RestController
@Tag(name = "Merchant: table sessions")
class TableSessionApi {

    private final FloorPlan floor;
    private final TableScans scans;

    TableSessionApi(FloorPlan floor, TableScans scans) {
        this.floor = floor;
        this.scans = scans;
    }

    /** Seats a party at a free table; 409 {@code table-occupied} when it is taken. */
    @PostMapping("/api/v1/merchant/tables/{tableId}/session")
    @ResponseStatus(HttpStatus.CREATED)
    TableSession seat(StaffPrincipal staff, @PathVariable UUID tableId, @RequestBody Seat seat) {
        return floor.seat(staff, tableId, seat.partySize() == null ? 0 : seat.partySize());
    }

    /** Clears the table: its open session is closed. */
    @DeleteMapping("/api/v1/merchant/tables/{tableId}/session")
    TableSession clear(StaffPrincipal staff, @PathVariable UUID tableId) {
        return floor.clear(staff, tableId);
    }

    /** The table's sessions, newest first (the last 50). */
    @GetMapping("/api/v1/merchant/tables/{tableId}/sessions")
    List<TableSession> sessions(StaffPrincipal staff, @PathVariable UUID tableId) {
        return floor.sessions(staff, tableId);
    }

    /** Per store, per day (in the store's time zone), per tracking code: scans, distinct diners, members who joined. */
    @GetMapping("/api/v1/merchant/dining/conversions")
    List<Conversion> conversions(StaffPrincipal staff,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return scans.conversions(staff, from, to);
    }
}
