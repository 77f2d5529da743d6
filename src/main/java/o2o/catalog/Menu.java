package o2o.catalog;

import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Owners and managers write the merchant's menu; each store's staff set its prices and
 * availability and flip the sold-out switch. {@link #menuOf} and {@link #price} are for customers and for the
 * ordering modules: a line is priced here from the store's own settings, and refused when the item is sold out,
 * off this store's menu, or the options break their group's rules.
 */
@Service
public class Menu {

    /** Who may flip the sold-out switch during service. */
    private static final Set<Role> SERVICE = EnumSet.of(Role.OWNER, Role.MANAGER, Role.CASHIER, Role.WAITER,
            Role.KITCHEN);

    private final JdbcClient jdbc;
    private final Stores stores;
    private final Clock clock;

    Menu(JdbcClient jdbc, Stores stores, Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.clock = clock;
    }

    /** A store's menu as customers see it: active items on this store's menu, at its prices, sold-out flagged. */
    public record StoreMenu(UUID storeId, UUID merchantId, List<Section> categories) {}

    public record Section(UUID id, String name, List<Dish> items) {}

    public record Dish(UUID id, String name, String description, @Nullable String photoUrl, Money price,
            boolean soldOut, List<OptionGroup> optionGroups) {}

    @Transactional(readOnly = true)
    public StoreMenu menuOf(UUID storeId) {
        var store = stores.find(storeId).orElseThrow(() -> Problem.notFound("store"));
        var served = storeItems(store).stream().filter(s -> s.item().active() && s.available()).toList();
        var sections = new ArrayList<Section>();
        for (var category : categoriesOf(store.merchantId())) {
            var dishes = served.stream().filter(s -> s.item().categoryId().equals(category.id()))
                    .map(s -> new Dish(s.item().id(), s.item().name(), s.item().description(), s.item().photoUrl(),
                            s.effectivePrice(), s.soldOut(), s.item().optionGroups()))
                    .toList();
            if (!dishes.isEmpty()) sections.add(new Section(category.id(), category.name(), dishes));
        }
        return new StoreMenu(store.id(), store.merchantId(), List.copyOf(sections));
    }

    /**
     * Prices one order line at a store: the store's price of the item (its override, else the base price) plus the
     * chosen options' deltas, times the quantity.
     *
     * @throws Problem 404 for an unknown store or item, 409 {@code menu-item-unavailable} or
     *     {@code menu-item-sold-out}, 400 {@code invalid-input} for options that break their group's rules
     */
    @Transactional(readOnly = true)
    public PricedLine price(UUID storeId, UUID itemId, List<UUID> optionIds, int quantity) {
        var store = stores.find(storeId).orElseThrow(() -> Problem.notFound("store"));
        if (quantity < 1 || quantity > 999) throw new InvalidInput("quantity", "between 1 and 999");
        var line = storeItem(store, itemId);
        var item = line.item();
        if (!item.active() || !line.available()) {
            throw new Problem(HttpStatus.CONFLICT, "menu-item-unavailable", item.name() + " is not served here",
                    item.name());
        }
        if (line.soldOut()) {
            throw new Problem(HttpStatus.CONFLICT, "menu-item-sold-out", item.name() + " is sold out", item.name());
        }
        return item.priceAt(line.effectivePrice(), optionIds, quantity);
    }

    // --- the merchant's menu

    @Transactional(readOnly = true)
    public List<MenuCategory> categories(StaffPrincipal staff) {
        return categoriesOf(merchantOf(staff));
    }

    @Transactional
    public MenuCategory addCategory(StaffPrincipal staff, String name, int sortOrder) {
        var merchant = managedMerchant(staff);
        var id = Ids.next();
        try {
            jdbc.sql("""
                            insert into menu_category (id, merchant_id, name, sort_order, created_at)
                            values (:id, :merchant, :name, :sort, :now)
                            """)
                    .param("id", id).param("merchant", merchant)
                    .param("name", ItemDetails.text("name", name, 40)).param("sort", sortOrder)
                    .param("now", now())
                    .update();
        } catch (DuplicateKeyException e) {
            throw categoryNameTaken(name);
        }
        return category(merchant, id);
    }

    @Transactional
    public MenuCategory updateCategory(StaffPrincipal staff, UUID categoryId, String name, int sortOrder) {
        var merchant = managedMerchant(staff);
        int updated;
        try {
            updated = jdbc.sql("""
                            update menu_category set name = :name, sort_order = :sort
                            where id = :id and merchant_id = :merchant
                            """)
                    .param("id", categoryId).param("merchant", merchant)
                    .param("name", ItemDetails.text("name", name, 40)).param("sort", sortOrder)
                    .update();
        } catch (DuplicateKeyException e) {
            throw categoryNameTaken(name);
        }
        if (updated == 0) throw Problem.notFound("category");
        return category(merchant, categoryId);
    }

    @Transactional(readOnly = true)
    public List<MenuItem> items(StaffPrincipal staff) {
        return items(merchantOf(staff), null);
    }

    @Transactional(readOnly = true)
    public MenuItem item(StaffPrincipal staff, UUID itemId) {
        return items(merchantOf(staff), itemId).stream().findFirst().orElseThrow(() -> Problem.notFound("menu item"));
    }

    @Transactional
    public MenuItem addItem(StaffPrincipal staff, ItemDetails details) {
        var merchant = managedMerchant(staff);
        requireCategory(merchant, details.categoryId());
        if (details.optionGroups().stream().flatMap(g -> ids(g).stream()).findAny().isPresent()) {
            throw new InvalidInput("optionGroups.id", "a new item's groups and options get new ids");
        }
        var id = Ids.next();
        var now = now();
        try {
            jdbc.sql("""
                            insert into menu_item (id, merchant_id, category_id, name, description, photo_url,
                                price_minor, currency, active, sort_order, created_at, updated_at)
                            values (:id, :merchant, :category, :name, :description, :photo, :price, :currency, true,
                                0, :now, :now)
                            """)
                    .params(itemParams(details))
                    .param("id", id).param("merchant", merchant).param("now", now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw itemNameTaken(details.name());
        }
        writeGroups(merchant, id, details);
        var item = items(merchant, id).getFirst();
        requireNonNegative(item, item.price(), "price");
        return item;
    }

    /** Replaces the item's details and option groups; groups and options sent with their id keep it. */
    @Transactional
    public MenuItem updateItem(StaffPrincipal staff, UUID itemId, ItemDetails details, @Nullable Boolean active) {
        var merchant = managedMerchant(staff);
        var current = jdbc.sql("select id from menu_item where id = :id and merchant_id = :merchant for update")
                .param("id", itemId).param("merchant", merchant)
                .query(UUID.class).optional();
        if (current.isEmpty()) throw Problem.notFound("menu item");
        requireCategory(merchant, details.categoryId());
        var existing = new HashSet<UUID>(jdbc.sql("""
                        select g.id from menu_option_group g where g.merchant_id = :merchant and g.item_id = :item
                        union all
                        select o.id from menu_option o join menu_option_group g on g.id = o.group_id
                        where g.merchant_id = :merchant and g.item_id = :item
                        """)
                .param("merchant", merchant).param("item", itemId)
                .query(UUID.class).list());
        if (!existing.containsAll(details.optionGroups().stream().flatMap(g -> ids(g).stream()).toList())) {
            throw new InvalidInput("optionGroups.id", "not a group or option of this item");
        }
        try {
            jdbc.sql("""
                            update menu_item set category_id = :category, name = :name, description = :description,
                                photo_url = :photo, price_minor = :price, currency = :currency,
                                active = coalesce(:active, active), updated_at = :now
                            where id = :id and merchant_id = :merchant
                            """)
                    .params(itemParams(details))
                    .param("active", new SqlParameterValue(Types.BOOLEAN, active))
                    .param("id", itemId).param("merchant", merchant).param("now", now())
                    .update();
        } catch (DuplicateKeyException e) {
            throw itemNameTaken(details.name());
        }
        jdbc.sql("delete from menu_option_group where merchant_id = :merchant and item_id = :item")
                .param("merchant", merchant).param("item", itemId).update();
        writeGroups(merchant, itemId, details);
        var item = items(merchant, itemId).getFirst();
        requireNonNegative(item, item.price(), "price");
        for (var override : jdbc.sql("""
                        select price_override_minor from menu_store_item
                        where merchant_id = :merchant and item_id = :item and price_override_minor is not null
                        """)
                .param("merchant", merchant).param("item", itemId).query(Long.class).list()) {
            requireNonNegative(item, new Money(override, item.price().currency()), "optionGroups");
        }
        return item;
    }

    /** Takes the item off every store's menu; it stays in the merchant's list and can be brought back. */
    @Transactional
    public MenuItem deactivate(StaffPrincipal staff, UUID itemId) {
        var merchant = managedMerchant(staff);
        int updated = jdbc.sql("""
                        update menu_item set active = false, updated_at = :now
                        where id = :id and merchant_id = :merchant
                        """)
                .param("id", itemId).param("merchant", merchant).param("now", now())
                .update();
        if (updated == 0) throw Problem.notFound("menu item");
        return items(merchant, itemId).getFirst();
    }

    // --- one store's menu

    /** Every active item of the merchant as this store serves it, for the store's staff. */
    @Transactional(readOnly = true)
    public List<StoreItem> atStore(StaffPrincipal staff, UUID storeId) {
        var store = stores.get(staff, storeId);
        return storeItems(store).stream().filter(s -> s.item().active()).toList();
    }

    @Transactional(readOnly = true)
    public StoreItem atStore(StaffPrincipal staff, UUID storeId, UUID itemId) {
        return storeItem(stores.get(staff, storeId), itemId);
    }

    /** The store's own price of an item (null: the base price) and whether this store serves it. */
    @Transactional
    public StoreItem setAtStore(StaffPrincipal staff, UUID storeId, UUID itemId, @Nullable Money priceOverride,
            boolean available) {
        var store = stores.get(staff, storeId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers set a store's prices");
        // holds off a concurrent edit of the item's options until this override is checked against them
        jdbc.sql("select id from menu_item where id = :id and merchant_id = :merchant for share")
                .param("id", itemId).param("merchant", store.merchantId()).query(UUID.class).optional();
        var item = storeItem(store, itemId).item();
        if (priceOverride != null) {
            if (!priceOverride.currency().equals(item.price().currency())) {
                throw new InvalidInput("priceOverride", "in " + item.price().currency().getCurrencyCode());
            }
            ItemDetails.requireSensible("priceOverride", priceOverride);
            requireNonNegative(item, priceOverride, "priceOverride");
        }
        jdbc.sql("""
                        insert into menu_store_item (merchant_id, store_id, item_id, price_override_minor, available,
                            sold_out, updated_at)
                        values (:merchant, :store, :item, :override, :available, false, :now)
                        on conflict (store_id, item_id) do update
                            set price_override_minor = excluded.price_override_minor,
                                available = excluded.available, updated_at = excluded.updated_at
                        """)
                .param("merchant", store.merchantId()).param("store", store.id()).param("item", item.id())
                .param("override", new SqlParameterValue(Types.BIGINT,
                        priceOverride == null ? null : priceOverride.minor()))
                .param("available", available).param("now", now())
                .update();
        return storeItem(store, itemId);
    }

    /** The switch staff flip during service; setting it to what it already is changes nothing. */
    @Transactional
    public StoreItem setSoldOut(StaffPrincipal staff, UUID storeId, UUID itemId, boolean soldOut) {
        var store = stores.get(staff, storeId);
        if (!SERVICE.contains(staff.role())) throw Problem.forbidden("only the store's service staff mark sold out");
        var item = storeItem(store, itemId).item();
        jdbc.sql("""
                        insert into menu_store_item (merchant_id, store_id, item_id, available, sold_out, updated_at)
                        values (:merchant, :store, :item, true, :soldOut, :now)
                        on conflict (store_id, item_id) do update
                            set sold_out = excluded.sold_out, updated_at = excluded.updated_at
                        """)
                .param("merchant", store.merchantId()).param("store", store.id()).param("item", item.id())
                .param("soldOut", soldOut).param("now", now())
                .update();
        return storeItem(store, itemId);
    }

    // --- reading

    private List<MenuCategory> categoriesOf(UUID merchant) {
        return jdbc.sql("""
                        select id, merchant_id, name, sort_order from menu_category
                        where merchant_id = :merchant order by sort_order, id
                        """)
                .param("merchant", merchant)
                .query((rs, row) -> new MenuCategory(rs.getObject("id", UUID.class),
                        rs.getObject("merchant_id", UUID.class), rs.getString("name"), rs.getInt("sort_order")))
                .list();
    }

    private MenuCategory category(UUID merchant, UUID id) {
        return categoriesOf(merchant).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private StoreItem storeItem(Store store, UUID itemId) {
        var item = items(store.merchantId(), itemId).stream().findFirst()
                .orElseThrow(() -> Problem.notFound("menu item"));
        return withSettings(store, List.of(item)).getFirst();
    }

    private List<StoreItem> storeItems(Store store) {
        return withSettings(store, items(store.merchantId(), null));
    }

    private List<StoreItem> withSettings(Store store, List<MenuItem> items) {
        record Setting(@Nullable Long override, boolean available, boolean soldOut) {}
        var settings = new HashMap<UUID, Setting>();
        jdbc.sql("""
                        select item_id, price_override_minor, available, sold_out from menu_store_item
                        where store_id = :store and merchant_id = :merchant
                        """)
                .param("store", store.id()).param("merchant", store.merchantId())
                .query((ResultSet rs) -> {
                    settings.put(rs.getObject("item_id", UUID.class), new Setting(
                            (Long) rs.getObject("price_override_minor"), rs.getBoolean("available"),
                            rs.getBoolean("sold_out")));
                });
        return items.stream().map(item -> {
            var s = settings.getOrDefault(item.id(), new Setting(null, true, false));
            return new StoreItem(item, s.override() == null ? null : new Money(s.override(), item.price().currency()),
                    s.available(), s.soldOut());
        }).toList();
    }

    private List<MenuItem> items(UUID merchant, @Nullable UUID itemId) {
        record Row(UUID id, UUID categoryId, String name, String description, @Nullable String photoUrl, Money price,
                boolean active) {}
        var rows = jdbc.sql("""
                        select id, category_id, name, description, photo_url, price_minor, currency, active
                        from menu_item
                        where merchant_id = :merchant and (cast(:id as uuid) is null or id = :id)
                        order by sort_order, id
                        """)
                .param("merchant", merchant)
                .param("id", new SqlParameterValue(Types.OTHER, itemId))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("category_id", UUID.class),
                        rs.getString("name"), rs.getString("description"), rs.getString("photo_url"),
                        new Money(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getBoolean("active")))
                .list();
        if (rows.isEmpty()) return List.of();
        var itemIds = rows.stream().map(Row::id).toArray(UUID[]::new);
        var options = new HashMap<UUID, List<OptionGroup.Option>>();
        jdbc.sql("""
                        select o.group_id, o.id, o.name, o.price_delta_minor
                        from menu_option o join menu_option_group g on g.id = o.group_id
                        where g.merchant_id = :merchant and g.item_id = any(:items)
                        order by o.sort_order
                        """)
                .param("merchant", merchant).param("items", itemIds)
                .query((ResultSet rs) -> {
                    options.computeIfAbsent(rs.getObject("group_id", UUID.class), k -> new ArrayList<>())
                            .add(new OptionGroup.Option(rs.getObject("id", UUID.class), rs.getString("name"),
                                    rs.getLong("price_delta_minor")));
                });
        var groups = new LinkedHashMap<UUID, List<OptionGroup>>();
        jdbc.sql("""
                        select id, item_id, name, required, min_choices, max_choices from menu_option_group
                        where merchant_id = :merchant and item_id = any(:items) order by sort_order
                        """)
                .param("merchant", merchant).param("items", itemIds)
                .query((ResultSet rs) -> {
                    var id = rs.getObject("id", UUID.class);
                    groups.computeIfAbsent(rs.getObject("item_id", UUID.class), k -> new ArrayList<>())
                            .add(new OptionGroup(id, rs.getString("name"), rs.getBoolean("required"),
                                    rs.getInt("min_choices"), rs.getInt("max_choices"),
                                    List.copyOf(options.getOrDefault(id, List.of()))));
                });
        return rows.stream().map(r -> new MenuItem(r.id(), merchant, r.categoryId(), r.name(), r.description(),
                r.photoUrl(), r.price(), r.active(), List.copyOf(groups.getOrDefault(r.id(), List.of())))).toList();
    }

    // --- writing helpers

    private void writeGroups(UUID merchant, UUID itemId, ItemDetails details) {
        int groupOrder = 0;
        for (var group : details.optionGroups()) {
            var groupId = group.id() == null ? Ids.next() : group.id();
            jdbc.sql("""
                            insert into menu_option_group (id, merchant_id, item_id, name, required, min_choices,
                                max_choices, sort_order)
                            values (:id, :merchant, :item, :name, :required, :min, :max, :sort)
                            """)
                    .param("id", groupId).param("merchant", merchant).param("item", itemId)
                    .param("name", group.name()).param("required", group.required())
                    .param("min", group.minChoices()).param("max", group.maxChoices()).param("sort", groupOrder++)
                    .update();
            int optionOrder = 0;
            for (var option : group.options()) {
                jdbc.sql("""
                                insert into menu_option (id, merchant_id, group_id, name, price_delta_minor, sort_order)
                                values (:id, :merchant, :group, :name, :delta, :sort)
                                """)
                        .param("id", option.id() == null ? Ids.next() : option.id()).param("merchant", merchant)
                        .param("group", groupId).param("name", option.name())
                        .param("delta", option.priceDeltaMinor()).param("sort", optionOrder++)
                        .update();
            }
        }
    }

    private static Map<String, Object> itemParams(ItemDetails details) {
        var params = new HashMap<String, Object>();
        params.put("category", details.categoryId());
        params.put("name", details.name());
        params.put("description", details.description());
        params.put("photo", new SqlParameterValue(Types.VARCHAR, details.photoUrl()));
        params.put("price", details.price().minor());
        params.put("currency", details.price().currency().getCurrencyCode());
        return params;
    }

    private static List<UUID> ids(ItemDetails.Group group) {
        var ids = new ArrayList<UUID>();
        if (group.id() != null) ids.add(group.id());
        group.options().stream().map(ItemDetails.Choice::id).filter(id -> id != null).forEach(ids::add);
        return ids;
    }

    private void requireCategory(UUID merchant, UUID categoryId) {
        var found = jdbc.sql("select count(*) from menu_category where id = :id and merchant_id = :merchant")
                .param("id", categoryId).param("merchant", merchant).query(Long.class).single();
        if (found == 0) throw Problem.notFound("category");
    }

    private static void requireNonNegative(MenuItem item, Money start, String field) {
        if (item.lowestWith(start) < 0) {
            throw new InvalidInput(field, "the options' price deltas would take " + item.name() + " below zero");
        }
    }

    private static UUID merchantOf(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.notFound("merchant");
        return staff.merchantId();
    }

    private static UUID managedMerchant(StaffPrincipal staff) {
        var merchant = merchantOf(staff);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers edit the menu");
        return merchant;
    }

    private static Problem categoryNameTaken(String name) {
        return new Problem(HttpStatus.CONFLICT, "menu-category-name-taken", "a category is already named " + name,
                name);
    }

    private static Problem itemNameTaken(String name) {
        return new Problem(HttpStatus.CONFLICT, "menu-item-name-taken", "an item is already named " + name, name);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
