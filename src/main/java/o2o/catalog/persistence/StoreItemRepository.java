package o2o.catalog.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import o2o.catalog.MenuItem;
import o2o.catalog.StoreItem;
import o2o.merchants.Store;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each store's own settings of the merchant's items ({@code menu_store_item}): price, on its menu, sold out. */
@Repository
public class StoreItemRepository {

    private final JdbcClient jdbc;

    StoreItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The items as this store serves them, in one read; an item it never set is served at the base price. */
    public List<StoreItem> at(Store store, List<MenuItem> items) {
        var settings = new HashMap<UUID, StoreSetting>();
        jdbc.sql("""
                        select item_id, price_override_minor, available, sold_out from menu_store_item
                        where store_id = :store and merchant_id = :merchant
                        """)
                .param("store", store.id()).param("merchant", store.merchantId())
                .query((ResultSet rs) -> {
                    settings.put(rs.getObject("item_id", UUID.class), new StoreSetting(
                            (Long) rs.getObject("price_override_minor"), rs.getBoolean("available"),
                            rs.getBoolean("sold_out")));
                });
        return items.stream().map(item -> {
            var s = settings.getOrDefault(item.id(), StoreSetting.DEFAULT);
            return new StoreItem(item, s.override() == null ? null : new Money(s.override(), item.price().currency()),
                    s.available(), s.soldOut());
        }).toList();
    }

    /** Every store's own price of the item, where one is set. */
    public List<Money> overridesOf(MenuItem item) {
        return jdbc.sql("""
                        select price_override_minor from menu_store_item
                        where merchant_id = :merchant and item_id = :item and price_override_minor is not null
                        """)
                .param("merchant", item.merchantId()).param("item", item.id()).query(Long.class).list().stream()
                .map(minor -> new Money(minor, item.price().currency())).toList();
    }

    /** The store's price and whether it serves the item; its sold-out switch is left as it is. */
    public void price(Store store, UUID itemId, @Nullable Money priceOverride, boolean available, Instant now) {
        jdbc.sql("""
                        insert into menu_store_item (merchant_id, store_id, item_id, price_override_minor, available,
                            sold_out, updated_at)
                        values (:merchant, :store, :item, :override, :available, false, :now)
                        on conflict (store_id, item_id, merchant_id) do update
                            set price_override_minor = excluded.price_override_minor,
                                available = excluded.available, updated_at = excluded.updated_at
                        """)
                .param("merchant", store.merchantId()).param("store", store.id()).param("item", itemId)
                .param("override", new SqlParameterValue(Types.BIGINT,
                        priceOverride == null ? null : priceOverride.minor()))
                .param("available", available).param("now", utc(now))
                .update();
    }

    public void soldOut(Store store, UUID itemId, boolean soldOut, Instant now) {
        jdbc.sql("""
                        insert into menu_store_item (merchant_id, store_id, item_id, available, sold_out, updated_at)
                        values (:merchant, :store, :item, true, :soldOut, :now)
                        on conflict (store_id, item_id, merchant_id) do update
                            set sold_out = excluded.sold_out, updated_at = excluded.updated_at
                        """)
                .param("merchant", store.merchantId()).param("store", store.id()).param("item", itemId)
                .param("soldOut", soldOut).param("now", utc(now))
                .update();
    }
}
