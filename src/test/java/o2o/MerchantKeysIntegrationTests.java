package o2o;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import o2o.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the schema ready to be sharded by merchant (docs/SCALING.md): Citus enforces a unique key only when it holds
 * the distribution column, so every primary key, unique constraint and unique index of a table with a
 * {@code merchant_id} column names it, except the few below that must hold across merchants, each with its reason.
 * Reads the schema Flyway made in the running database, so a new migration is checked as it lands.
 */
@IntegrationTest
class MerchantKeysIntegrationTests {

    /** Unique keys of merchant tables that hold across merchants on purpose, as table.index and why. */
    static final Map<String, String> ACROSS_MERCHANTS = Map.ofEntries(
            Map.entry("dining_table.dining_table_code_key",
                    "the code printed on a table's QR (/t/{code}) finds the table without knowing its merchant"),
            Map.entry("tracking_code.tracking_code_code_key",
                    "a tracking link (/c/{code}) finds its campaign without knowing the merchant"),
            Map.entry("membership.membership_member_no_idx",
                    "the member number on a card or member QR finds the membership without knowing the merchant"),
            Map.entry("staff_account.staff_account_pkey",
                    "operators have no merchant (merchant_id is null), and staff sign in before their merchant is known"),
            Map.entry("staff_account.staff_account_username_key",
                    "a username signs in without naming a merchant, so it is unique on the platform"),
            Map.entry("ledger_account.ledger_account_pkey",
                    "the ledger is one journal of customers, merchants and the platform; merchant_id is null on most"),
            Map.entry("ledger_account.ledger_account_kind_holder_scope_unit_key",
                    "an account is found by holder and scope, which may be a customer or a mall rather than a merchant"),
            Map.entry("ledger_entry.ledger_entry_pkey",
                    "an entry moves value between holders of different merchants (a mall and its tenants, a group program)"),
            Map.entry("ledger_entry.ledger_entry_reference_key",
                    "an entry is posted once per reference on the whole platform; that is what makes posting idempotent"),
            Map.entry("ledger_posting.ledger_posting_pkey",
                    "a posting belongs to its entry, which may span merchants; merchant_id is null on most"),
            Map.entry("points_lot.points_lot_reference_key",
                    "a lot is earned once per ledger reference, which is unique on the whole platform"),
            Map.entry("tier_activity.tier_activity_reference_key",
                    "tier progress is counted once per ledger reference, which is unique on the whole platform"),
            Map.entry("points_mall_exchange.points_mall_exchange_pkey",
                    "the reference (mall:<customer>:<Idempotency-Key>) names no merchant and is also its ledger entry's"),
            Map.entry("stored_value_top_up.stored_value_top_up_pkey",
                    "keyed by its ledger entry's reference, which is unique on the whole platform"),
            Map.entry("stored_value_refund.stored_value_refund_pkey",
                    "keyed by its ledger entry's reference, which is unique on the whole platform"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyUniqueKeyOfAMerchantsTableNamesTheMerchantOrSaysWhyNot() {
        var keys = uniqueKeysOfMerchantTables();
        assertThat(keys).as("unique keys of tables with merchant_id").hasSizeGreaterThan(100)
                .extracting(UniqueKey::name).contains("voucher.voucher_pkey", "customer_order.customer_order_pkey");

        var offenders = keys.stream().filter(k -> !k.namesMerchant() && !ACROSS_MERCHANTS.containsKey(k.name()))
                .map(k -> k.name() + " on (" + String.join(", ", k.columns()) + ")").toList();
        assertThat(offenders).as("unique keys of merchant tables without merchant_id; add it (last, so lookups by the"
                + " other columns keep the index), or list the key with its reason in ACROSS_MERCHANTS").isEmpty();

        var across = keys.stream().filter(k -> !k.namesMerchant()).map(UniqueKey::name).collect(Collectors.toSet());
        assertThat(ACROSS_MERCHANTS.keySet()).as("listed keys that no longer hold across merchants")
                .allSatisfy(name -> assertThat(across).contains(name));
    }

    @Test
    void everyOnConflictTargetIsAUniqueKey() {
        var unique = new TreeSet<String>();
        jdbc.sql("""
                        select t.relname as tab, array_agg(a.attname::text order by a.attname::text) as cols
                        from pg_index x
                        join pg_class t on t.oid = x.indrelid
                        join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
                        join pg_attribute a on a.attrelid = t.oid and a.attnum = any(x.indkey)
                        where x.indisunique
                        group by x.indexrelid, t.relname
                        """)
                .query((rs, row) -> unique.add(rs.getString("tab") + " " + List.of((String[]) rs.getArray("cols")
                        .getArray())))
                .list();
        var targets = onConflictTargets();
        assertThat(targets).as("on conflict targets found in the sources").hasSizeGreaterThan(50)
                .contains("deal_purchase [customer_id, deal_id, merchant_id]", "table_session [merchant_id, table_id]");
        assertThat(targets).as("on conflict (...) targets without a unique key of exactly those columns")
                .allSatisfy(target -> assertThat(unique).contains(target));
    }

    private List<UniqueKey> uniqueKeysOfMerchantTables() {
        return jdbc.sql("""
                        select t.relname || '.' || i.relname as name,
                               array(select a.attname::text from unnest(x.indkey) with ordinality k(attnum, n)
                                     join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                                     order by k.n) as cols
                        from pg_index x
                        join pg_class i on i.oid = x.indexrelid
                        join pg_class t on t.oid = x.indrelid
                        join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
                        where x.indisunique
                          and exists (select 1 from pg_attribute m
                                      where m.attrelid = t.oid and m.attname = 'merchant_id' and not m.attisdropped)
                        order by 1
                        """)
                .query((rs, row) -> new UniqueKey(rs.getString("name"),
                        List.of((String[]) rs.getArray("cols").getArray())))
                .list();
    }

    /** Each {@code insert into t ... on conflict (a, b)} of the main sources, as "t [a, b]" with sorted columns. */
    private static Set<String> onConflictTargets() {
        var statement = Pattern.compile("(?is)insert\\s+into\\s+(\\w+)((?:(?!insert\\s+into).){0,3000}?)"
                + "on\\s+conflict\\s*\\(([^)]*)\\)");
        var targets = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/o2o"))) {
            for (var file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var matcher = statement.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    var columns = Stream.of(matcher.group(3).split(",")).map(c -> c.strip().toLowerCase(Locale.ROOT))
                            .sorted().toList();
                    targets.add(matcher.group(1).toLowerCase(Locale.ROOT) + " " + columns);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }

    record UniqueKey(String name, List<String> columns) {

        boolean namesMerchant() {
            return columns.contains("merchant_id");
        }
    }
}
