package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import o2o.shared.Problem;
import org.junit.jupiter.api.Test;

class MemberQrCodeTests {

    private final MemberQrCode codes = new MemberQrCode("a secret for tests");
    private final MemberQrCode.Holder holder = new MemberQrCode.Holder(42, UUID.randomUUID(), UUID.randomUUID());

    @Test
    void aCodeReadsBackAsItsExpirySignatureAndNumberAndIsSignedForItsHolder() {
        var token = codes.token(holder, 1_800_000_000L);
        assertThat(token).hasSize(22).startsWith("1800000000").endsWith("42");
        var scanned = MemberQrCode.read(token.substring(0, 4) + " " + token.substring(4, 8) + "-" + token.substring(8));
        assertThat(scanned.expiry()).isEqualTo(1_800_000_000L);
        assertThat(scanned.number()).isEqualTo(42);
        assertThat(codes.signs(scanned, holder)).isTrue();
    }

    @Test
    void aChangedExpiryAnotherHolderOrAnotherKeyFailsTheSignature() {
        var token = codes.token(holder, 1_800_000_000L);
        assertThat(codes.signs(MemberQrCode.read("1900000000" + token.substring(10)), holder)).isFalse();
        assertThat(codes.signs(MemberQrCode.read(token),
                new MemberQrCode.Holder(42, holder.merchantId(), UUID.randomUUID()))).isFalse();
        assertThat(new MemberQrCode("another secret").signs(MemberQrCode.read(token), holder)).isFalse();
        assertThat(new MemberQrCode("").signs(MemberQrCode.read(token), holder)).isFalse();
    }

    @Test
    void whatIsNotACodeIsInvalid() {
        for (var typed : new String[] {"", "12345", "1800000000abcdefghij42", "9".repeat(39)}) {
            assertThatThrownBy(() -> MemberQrCode.read(typed)).isInstanceOf(Problem.class)
                    .extracting(p -> ((Problem) p).slug()).isEqualTo("member-qr-invalid");
        }
    }
}
