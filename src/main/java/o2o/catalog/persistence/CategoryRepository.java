package o2o.catalog.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.catalog.MenuCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The headings of each merchant's menu ({@code menu_category}); a name taken twice is a duplicate key. */
@Repository
public class CategoryRepository {

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<MenuCategory> of(UUID merchant) {
        return jdbc.sql("""
                        select id, merchant_id, name, sort_order from menu_category
                        where merchant_id = :merchant order by sort_order, id
                        """)
                .param("merchant", merchant)
                .query((rs, row) -> new MenuCategory(rs.getObject("id", UUID.class),
                        rs.getObject("merchant_id", UUID.class), rs.getString("name"), rs.getInt("sort_order")))
                .list();
    }

    public void add(MenuCategory category, Instant now) {
        jdbc.sql("""
                        insert into menu_category (id, merchant_id, name, sort_order, created_at)
                        values (:id, :merchant, :name, :sort, :now)
                        """)
                .param("id", category.id()).param("merchant", category.merchantId())
                .param("name", category.name()).param("sort", category.sortOrder()).param("now", utc(now))
                .update();
    }

    /** False when the merchant has no such category. */
    public boolean update(MenuCategory category) {
        return jdbc.sql("""
                        update menu_category set name = :name, sort_order = :sort
                        where id = :id and merchant_id = :merchant
                        """)
                .param("id", category.id()).param("merchant", category.merchantId())
                .param("name", category.name()).param("sort", category.sortOrder())
                .update() == 1;
    }

    public boolean exists(UUID merchant, UUID categoryId) {
        return jdbc.sql("select count(*) from menu_category where id = :id and merchant_id = :merchant")
                .param("id", categoryId).param("merchant", merchant).query(Long.class).single() > 0;
    }
}
