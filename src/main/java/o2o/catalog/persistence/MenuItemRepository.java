package o2o.catalog.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.catalog.ItemDetails;
import o2o.catalog.MenuItem;
import o2o.catalog.OptionGroup;
import o2o.shared.Ids;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The menu items with their option groups and options ({@code menu_item}, {@code menu_option_group},
 * {@code menu_option}): an item is written and read whole, its groups replaced together.
 */
@Repository
public class MenuItemRepository {

    private final JdbcClient jdbc;

    MenuItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The merchant's items (or the one named), in menu order, each with its option groups; three reads in all. */
    public List<MenuItem> of(UUID merchant, @Nullable UUID itemId) {
        return read(merchant, itemId == null ? null : new UUID[] {itemId});
    }

    /** These of the merchant's items (those that exist), in menu order, with their option groups; three reads. */
    public List<MenuItem> ofIds(UUID merchant, java.util.Collection<UUID> itemIds) {
        return itemIds.isEmpty() ? List.of() : read(merchant, itemIds.toArray(UUID[]::new));
    }

    private List<MenuItem> read(UUID merchant, UUID @Nullable [] itemIds) {
        var rows = jdbc.sql("""
                        select id, category_id, name, description, photo_url, price_minor, currency, active
                        from menu_item
                        where merchant_id = :merchant
                        """ + (itemIds == null ? "" : " and id = any(:ids)") + " order by sort_order, id")
                .param("merchant", merchant)
                .params(itemIds == null ? Map.of() : Map.of("ids", itemIds))
                .query((rs, n) -> new MenuItemRow(rs.getObject("id", UUID.class), rs.getObject("category_id", UUID.class),
                        rs.getString("name"), rs.getString("description"), rs.getString("photo_url"),
                        new Money(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getBoolean("active")))
                .list();
        if (rows.isEmpty()) return List.of();
        var groups = groupsOf(merchant, rows.stream().map(MenuItemRow::id).toArray(UUID[]::new));
        return rows.stream().map(r -> new MenuItem(r.id(), merchant, r.categoryId(), r.name(), r.description(),
                r.photoUrl(), r.price(), r.active(), List.copyOf(groups.getOrDefault(r.id(), List.of())))).toList();
    }

    private Map<UUID, List<OptionGroup>> groupsOf(UUID merchant, UUID[] itemIds) {
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
        return groups;
    }

    /** A new item, on the menu; its option groups are written next. */
    public void add(UUID merchant, UUID id, ItemDetails details, Instant now) {
        jdbc.sql("""
                        insert into menu_item (id, merchant_id, category_id, name, description, photo_url,
                            price_minor, currency, active, sort_order, created_at, updated_at)
                        values (:id, :merchant, :category, :name, :description, :photo, :price, :currency, true,
                            0, :now, :now)
                        """)
                .params(itemParams(details))
                .param("id", id).param("merchant", merchant).param("now", utc(now))
                .update();
    }

    /** Locks the item against a concurrent edit; false when the merchant has no such item. */
    public boolean lock(UUID merchant, UUID itemId) {
        return jdbc.sql("select id from menu_item where id = :id and merchant_id = :merchant for update")
                .param("id", itemId).param("merchant", merchant).query(UUID.class).optional().isPresent();
    }

    /** Holds off a concurrent edit of the item's options until the transaction ends. */
    public void share(UUID merchant, UUID itemId) {
        jdbc.sql("select id from menu_item where id = :id and merchant_id = :merchant for share")
                .param("id", itemId).param("merchant", merchant).query(UUID.class).optional();
    }

    /** The ids of the item's groups and options as they are stored. */
    public Set<UUID> optionIds(UUID merchant, UUID itemId) {
        return new HashSet<>(jdbc.sql("""
                        select g.id from menu_option_group g where g.merchant_id = :merchant and g.item_id = :item
                        union all
                        select o.id from menu_option o join menu_option_group g on g.id = o.group_id
                        where g.merchant_id = :merchant and g.item_id = :item
                        """)
                .param("merchant", merchant).param("item", itemId)
                .query(UUID.class).list());
    }

    /** Replaces the item's details; {@code active} null leaves it as it is. */
    public void update(UUID merchant, UUID itemId, ItemDetails details, @Nullable Boolean active, Instant now) {
        jdbc.sql("""
                        update menu_item set category_id = :category, name = :name, description = :description,
                            photo_url = :photo, price_minor = :price, currency = :currency,
                            active = coalesce(:active, active), updated_at = :now
                        where id = :id and merchant_id = :merchant
                        """)
                .params(itemParams(details))
                .param("active", new SqlParameterValue(Types.BOOLEAN, active))
                .param("id", itemId).param("merchant", merchant).param("now", utc(now))
                .update();
    }

    /** The item's option groups become those of the details; groups and options sent with an id keep it. */
    public void replaceGroups(UUID merchant, UUID itemId, ItemDetails details) {
        jdbc.sql("delete from menu_option_group where merchant_id = :merchant and item_id = :item")
                .param("merchant", merchant).param("item", itemId).update();
        writeGroups(merchant, itemId, details);
    }

    /** False when the merchant has no such item. */
    public boolean deactivate(UUID merchant, UUID itemId, Instant now) {
        return jdbc.sql("""
                        update menu_item set active = false, updated_at = :now
                        where id = :id and merchant_id = :merchant
                        """)
                .param("id", itemId).param("merchant", merchant).param("now", utc(now))
                .update() == 1;
    }

    public void writeGroups(UUID merchant, UUID itemId, ItemDetails details) {
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
}
