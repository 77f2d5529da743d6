package o2o.catalog;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.catalog.persistence.CategoryRepository;
import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The headings of a merchant's menu, named once each. */
@Component
class MenuCategories {

    private final CategoryRepository categories;
    private final Clock clock;

    MenuCategories(CategoryRepository categories, Clock clock) {
        this.categories = categories;
        this.clock = clock;
    }

    List<MenuCategory> of(UUID merchant) {
        return categories.of(merchant);
    }

    MenuCategory add(StaffPrincipal staff, String name, int sortOrder) {
        var category = new MenuCategory(Ids.next(), MenuStaff.managedMerchant(staff),
                ItemDetails.text("name", name, 40), sortOrder);
        try {
            categories.add(category, clock.instant());
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        return category(category.merchantId(), category.id());
    }

    MenuCategory update(StaffPrincipal staff, UUID categoryId, String name, int sortOrder) {
        var merchant = MenuStaff.managedMerchant(staff);
        var category = new MenuCategory(categoryId, merchant, ItemDetails.text("name", name, 40), sortOrder);
        boolean updated;
        try {
            updated = categories.update(category);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        if (!updated) throw Problem.notFound("category");
        return category(merchant, categoryId);
    }

    void requireExists(UUID merchant, UUID categoryId) {
        if (!categories.exists(merchant, categoryId)) throw Problem.notFound("category");
    }

    private MenuCategory category(UUID merchant, UUID id) {
        return categories.of(merchant).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static Problem nameTaken(String name) {
        return new Problem(HttpStatus.CONFLICT, "menu-category-name-taken", "a category is already named " + name,
                name);
    }
}
