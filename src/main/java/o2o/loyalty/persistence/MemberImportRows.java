package o2o.loyalty.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.loyalty.MemberImport;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Member imports: each card claimed once per merchant, and each import's report with its rejected rows. */
@Repository
public class MemberImportRows {

    /** A card an import claims, with what the file said it holds. */
    public record ClaimedCard(UUID merchantId, String cardNumber, String phone, UUID importId, long points,
            long balanceMinor, Instant at) {}

    /** An import's counts, recorded once it has run. */
    public record NewImport(UUID id, UUID merchantId, UUID staffId, @Nullable String fileName, Instant at, int rows,
            int imported, int merged, int unchanged) {}

    private static final String SUMMARY = """
            select id, merchant_id, file_name, created_at, total_rows, imported, merged, unchanged, rejected
            from member_import""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MemberImportRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** False when the merchant's card was claimed before, by this import or an earlier one. */
    public boolean claim(ClaimedCard card) {
        return jdbc.sql("""
                        insert into member_import_card (merchant_id, card_number, phone, import_id, points,
                                                        balance_minor, imported_at)
                        values (:merchant, :card, :phone, :import, :points, :balance, :now) on conflict do nothing
                        """)
                .param("merchant", card.merchantId()).param("card", card.cardNumber()).param("phone", card.phone())
                .param("import", card.importId()).param("points", card.points()).param("balance", card.balanceMinor())
                .param("now", card.at().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /** The phone a claimed card was imported for. */
    public String phoneOfClaimed(UUID merchantId, String cardNumber) {
        return jdbc.sql("select phone from member_import_card where merchant_id = :merchant and card_number = :card")
                .param("merchant", merchantId).param("card", cardNumber).query(String.class).single();
    }

    public void insert(NewImport run, List<MemberImport.Rejected> rejections) {
        jdbc.sql("""
                        insert into member_import (id, merchant_id, staff_id, file_name, created_at, total_rows,
                                                   imported, merged, unchanged, rejected)
                        values (:id, :merchant, :staff, :file, :now, :rows, :imported, :merged, :unchanged, :rejected)
                        """)
                .param("id", run.id()).param("merchant", run.merchantId()).param("staff", run.staffId())
                .param("file", run.fileName()).param("now", run.at().atOffset(ZoneOffset.UTC)).param("rows", run.rows())
                .param("imported", run.imported()).param("merged", run.merged()).param("unchanged", run.unchanged())
                .param("rejected", rejections.size())
                .update();
        template.batchUpdate("""
                insert into member_import_rejection (import_id, merchant_id, line_no, card_number, reason)
                values (?, ?, ?, ?, ?)
                """, rejections, 5000, (ps, rejection) -> {
            ps.setObject(1, run.id());
            ps.setObject(2, run.merchantId());
            ps.setInt(3, rejection.line());
            ps.setString(4, rejection.cardNumber());
            ps.setString(5, rejection.reason());
        });
    }

    /** An import of this merchant with its rejected rows; empty for another merchant's import. */
    public Optional<MemberImport> report(UUID merchantId, UUID importId) {
        var rejections = jdbc.sql("""
                        select line_no, card_number, reason from member_import_rejection
                        where import_id = :id and merchant_id = :merchant order by line_no
                        """)
                .param("id", importId).param("merchant", merchantId)
                .query((rs, row) -> new MemberImport.Rejected(rs.getInt("line_no"), rs.getString("card_number"),
                        rs.getString("reason")))
                .list();
        return jdbc.sql(SUMMARY + " where id = :id and merchant_id = :merchant")
                .param("id", importId).param("merchant", merchantId)
                .query((rs, row) -> summary(rs, rejections))
                .optional();
    }

    /** Up to {@code limit} of the merchant's imports older than {@code before} (null: the newest), newest first. */
    public List<MemberImport> list(UUID merchantId, @Nullable UUID before, int limit) {
        return jdbc.sql(SUMMARY + """
                         where merchant_id = :merchant and (cast(:before as uuid) is null or id < cast(:before as uuid))
                        order by id desc limit :limit""")
                .param("merchant", merchantId).param("before", before == null ? null : before.toString())
                .param("limit", limit)
                .query((rs, row) -> summary(rs, List.of()))
                .list();
    }

    private static MemberImport summary(ResultSet rs, List<MemberImport.Rejected> rejections) throws SQLException {
        return new MemberImport(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("file_name"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("total_rows"), rs.getInt("imported"), rs.getInt("merged"), rs.getInt("unchanged"),
                rs.getInt("rejected"), rejections);
    }
}
