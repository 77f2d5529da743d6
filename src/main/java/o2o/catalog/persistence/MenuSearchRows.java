package o2o.catalog.persistence;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.catalog.MenuHit;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finding items by name across many stores' menus at once, in one read. */
@Repository
public class MenuSearchRows {

    private final JdbcClient jdbc;

    MenuSearchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The active items each store serves whose name (or description) holds {@code text}, at the store's price: a
     * name that is the text first, then one that starts with it, then one that holds it (shorter names first), then
     * a description that holds it.
     */
    public List<MenuHit> search(Map<StoreId, MerchantId> stores, String text, int limit) {
        if (stores.isEmpty()) return List.of();
        var storeIds = stores.keySet().stream().toList();
        return jdbc.sql("""
                        select s.store_id, i.id, i.name, i.description, i.photo_url, i.currency,
                               coalesce(si.price_override_minor, i.price_minor) as price_minor,
                               coalesce(si.sold_out, false) as sold_out,
                               exists (select 1 from menu_option_group g where g.item_id = i.id and g.required)
                                   as needs_options
                        from unnest(cast(:stores as uuid[]), cast(:merchants as uuid[])) as s(store_id, merchant_id)
                        join menu_item i on i.merchant_id = s.merchant_id and i.active
                        left join menu_store_item si on si.store_id = s.store_id and si.item_id = i.id
                        where coalesce(si.available, true)
                          and (strpos(lower(i.name), lower(:text)) > 0 or strpos(lower(i.description), lower(:text)) > 0)
                        order by lower(i.name) = lower(:text) desc, strpos(lower(i.name), lower(:text)) = 1 desc,
                                 strpos(lower(i.name), lower(:text)) > 0 desc, length(i.name), i.name, s.store_id
                        limit :limit
                        """)
                .param("stores", storeIds.stream().map(StoreId::value).toArray(UUID[]::new))
                .param("merchants", storeIds.stream().map(id -> stores.get(id).value()).toArray(UUID[]::new))
                .param("text", text)
                .param("limit", limit)
                .query((rs, n) -> new MenuHit(new StoreId(rs.getObject("store_id", UUID.class)),
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                        rs.getString("photo_url"),
                        new Money(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getBoolean("sold_out"), rs.getBoolean("needs_options")))
                .list();
    }
}
