package o2o.catalog.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.catalog.Menu;
import o2o.catalog.MenuCategory;
import o2o.catalog.MenuItem;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Menu")
class MenuApi {

    private final Menu menu;
    private final Stores stores;

    MenuApi(Menu menu, Stores stores) {
        this.menu = menu;
        this.stores = stores;
    }

    @GetMapping("/api/v1/merchant/menu/categories")
    List<MenuCategory> categories(StaffPrincipal staff) {
        return menu.categories(staff);
    }

    @PostMapping("/api/v1/merchant/menu/categories")
    @ResponseStatus(HttpStatus.CREATED)
    MenuCategory addCategory(StaffPrincipal staff, @Valid @RequestBody CategoryRequest request) {
        return menu.addCategory(staff, request.name(), request.order());
    }

    @PutMapping("/api/v1/merchant/menu/categories/{categoryId}")
    MenuCategory updateCategory(StaffPrincipal staff, @PathVariable UUID categoryId,
            @Valid @RequestBody CategoryRequest request) {
        return menu.updateCategory(staff, categoryId, request.name(), request.order());
    }

    @GetMapping("/api/v1/merchant/menu/items")
    List<MenuItem> items(StaffPrincipal staff) {
        return menu.items(staff);
    }

    @GetMapping("/api/v1/merchant/menu/items/{itemId}")
    MenuItem item(StaffPrincipal staff, @PathVariable UUID itemId) {
        return menu.item(staff, itemId);
    }

    @PostMapping("/api/v1/merchant/menu/items")
    @ResponseStatus(HttpStatus.CREATED)
    MenuItem addItem(StaffPrincipal staff, @Valid @RequestBody ItemRequest request) {
        return menu.addItem(staff, request.toDetails());
    }

    @PutMapping("/api/v1/merchant/menu/items/{itemId}")
    MenuItem updateItem(StaffPrincipal staff, @PathVariable UUID itemId, @Valid @RequestBody ItemRequest request) {
        return menu.updateItem(staff, itemId, request.toDetails(), request.active());
    }

    @PostMapping("/api/v1/merchant/menu/items/{itemId}/deactivate")
    MenuItem deactivate(StaffPrincipal staff, @PathVariable UUID itemId) {
        return menu.deactivate(staff, itemId);
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/menu")
    List<StoreItemResponse> atStore(StaffPrincipal staff, @PathVariable UUID storeId) {
        return menu.atStore(staff, storeId).stream().map(StoreItemResponse::of).toList();
    }

    @PutMapping("/api/v1/merchant/stores/{storeId}/menu/items/{itemId}")
    StoreItemResponse setAtStore(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID itemId,
            @Valid @RequestBody StoreItemRequest request) {
        return StoreItemResponse.of(menu.setAtStore(staff, new StoreId(storeId), itemId, request.priceOverride(),
                request.available()));
    }

    @PutMapping("/api/v1/merchant/stores/{storeId}/menu/items/{itemId}/sold-out")
    StoreItemResponse setSoldOut(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID itemId,
            @Valid @RequestBody SoldOutRequest request) {
        return StoreItemResponse.of(menu.setSoldOut(staff, new StoreId(storeId), itemId, request.soldOut()));
    }

    @GetMapping("/api/v1/stores/{storeId}/menu")
    Menu.StoreMenu publicMenu(@PathVariable UUID storeId) {
        stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        return menu.menuOf(storeId);
    }
}
