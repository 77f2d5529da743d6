package o2o.dining.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.dining.Area;
import o2o.dining.DiningTable;
import o2o.dining.FloorPlan;
import o2o.dining.FloorPlan.TableStatus;
import o2o.dining.TrackingCode;
import o2o.identity.StaffPrincipal;
import o2o.shared.QrCodes;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A store's areas and tables, their QR codes, and the floor's status, for the merchant's staff. */
@RestController
@Tag(name = "Merchant: tables")
class FloorPlanApi {

    private static final int QR_SIZE = 480;

    private final FloorPlan floor;
    private final TableLinks links;

    FloorPlanApi(FloorPlan floor, TableLinks links) {
        this.floor = floor;
        this.links = links;
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/areas")
    List<Area> areas(StaffPrincipal staff, @PathVariable UUID storeId) {
        return floor.areas(staff, storeId);
    }

    @PostMapping("/api/v1/merchant/stores/{storeId}/areas")
    @ResponseStatus(HttpStatus.CREATED)
    Area addArea(StaffPrincipal staff, @PathVariable UUID storeId, @RequestBody AreaRequest request) {
        return floor.addArea(staff, storeId, request.name(), position(request));
    }

    @PutMapping("/api/v1/merchant/stores/{storeId}/areas/{areaId}")
    Area renameArea(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID areaId,
            @RequestBody AreaRequest request) {
        return floor.renameArea(staff, new StoreId(storeId), areaId, request.name(), position(request));
    }

    @DeleteMapping("/api/v1/merchant/stores/{storeId}/areas/{areaId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeArea(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID areaId) {
        floor.removeArea(staff, new StoreId(storeId), areaId);
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/tables")
    List<TableResponse> tables(StaffPrincipal staff, @PathVariable UUID storeId) {
        return floor.tables(staff, storeId).stream().map(this::response).toList();
    }

    @PostMapping("/api/v1/merchant/stores/{storeId}/tables")
    @ResponseStatus(HttpStatus.CREATED)
    TableResponse addTable(StaffPrincipal staff, @PathVariable UUID storeId, @RequestBody TableRequest request) {
        return response(floor.addTable(staff, storeId, request.details()));
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/tables/{tableId}")
    TableResponse table(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID tableId) {
        return response(floor.table(staff, new StoreId(storeId), tableId));
    }

    @PutMapping("/api/v1/merchant/stores/{storeId}/tables/{tableId}")
    TableResponse updateTable(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID tableId,
            @RequestBody TableRequest request) {
        return response(floor.updateTable(staff, new StoreId(storeId), tableId, request.details()));
    }

    /** Retires the table: its QR code stops working; its sessions and scans stay in the history. */
    @DeleteMapping("/api/v1/merchant/stores/{storeId}/tables/{tableId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retireTable(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID tableId) {
        floor.retireTable(staff, new StoreId(storeId), tableId);
    }

    /** The table's QR code as a PNG; also served to the console's print sheet under {@code /merchant}. */
    @GetMapping(path = {"/api/v1/merchant/stores/{storeId}/tables/{tableId}/qr.png",
            "/merchant/stores/{storeId}/tables/{tableId}/qr.png"}, produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID tableId,
            @RequestParam(required = false) @Nullable String src) {
        var tracking = TrackingCode.parse(src);
        floor.managedStore(staff, storeId);
        var table = floor.table(staff, new StoreId(storeId), tableId);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(QrCodes.png(links.scanUrl(table.code(), tracking), QR_SIZE));
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/tables/status")
    List<TableStatus> status(StaffPrincipal staff, @PathVariable UUID storeId) {
        return floor.status(staff, storeId);
    }

    private TableResponse response(DiningTable table) {
        return new TableResponse(table.id(), table.storeId(), table.areaId(), table.label(), table.seats(),
                table.code(), links.scanUrl(table.code(), null));
    }

    private static int position(AreaRequest request) {
        return request.position() == null ? 0 : request.position();
    }
}
