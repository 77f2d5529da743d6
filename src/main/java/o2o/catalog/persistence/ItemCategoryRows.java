package o2o.catalog.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Menu items' category names, looked up in bulk ({@code menu_item} joined to {@code menu_category}). */
@Repository
public class ItemCategoryRows {

    /** A merchant's item of a name, and its category's name. */
    public record NamedRow(UUID merchant, String name, String category) {}

    private final JdbcClient jdbc;

    ItemCategoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, String> byId(List<UUID> itemIds) {
        var found = new HashMap<UUID, String>();
        jdbc.sql("""
                        select i.id, c.name from menu_item i
                        join menu_category c on c.merchant_id = i.merchant_id and c.id = i.category_id
                        where i.id = any(cast(:ids as uuid[]))
                        """)
                .param("ids", itemIds.toArray(UUID[]::new))
                .query((rs, row) -> found.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return found;
    }

    /** {@code merchants} and {@code names} pair up by position. */
    public List<NamedRow> byName(List<UUID> merchants, List<String> names) {
        return jdbc.sql("""
                        select i.merchant_id, i.name, c.name from unnest(cast(:ms as uuid[]), cast(:ns as text[]))
                                as k(merchant_id, name)
                        join menu_item i on i.merchant_id = k.merchant_id and i.name = k.name
                        join menu_category c on c.merchant_id = i.merchant_id and c.id = i.category_id
                        """)
                .param("ms", merchants.toArray(UUID[]::new)).param("ns", names.toArray(String[]::new))
                .query((rs, row) -> new NamedRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }
}
