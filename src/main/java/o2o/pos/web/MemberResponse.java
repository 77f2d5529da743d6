package o2o.pos.web;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.loyalty.MemberSummary;
import org.jspecify.annotations.Nullable;

/** The member as the till shows them; {@code tier} is the name of their tier, null before they reach one. */
@Schema(name = "PosMemberResponse")
record MemberResponse(String phone, @Nullable String name, long points, String joinedAt, @Nullable String tier,
        int tierDiscountPercent) {

    static MemberResponse of(MemberSummary member) {
        var tier = member.tier();
        return new MemberResponse(member.phone(), member.name(), member.points(), member.joinedAt().toString(),
                tier == null ? null : tier.name(), tier == null ? 0 : tier.discountPercent());
    }
}
