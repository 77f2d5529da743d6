package o2o;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.identity.WechatAccount;
import o2o.identity.security.ActorAuthentication;
import o2o.pickup.CartLine;
import o2o.shared.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Page sessions are kept in PostgreSQL, so everything a page puts in one is written as bytes and read back, maybe on
 * another node: each kind of value the pages keep in a session survives the trip. A flow through the pages is
 * {@code SeveralNodesIntegrationTests}; this covers the carts and sign-in steps it does not walk through.
 */
class SessionAttributesTests {

    private final SerializingConverter out = new SerializingConverter();
    private final DeserializingConverter in = new DeserializingConverter();

    @Test
    void signedInPrincipalsSurviveTheTrip() {
        var customer = new CustomerPrincipal(UUID.randomUUID(), new PhoneNumber("13800138000"));
        var staff = new StaffPrincipal(UUID.randomUUID(), "cashier", UUID.randomUUID(), Role.CASHIER,
                Set.of(UUID.randomUUID()));
        for (var authentication : List.of(ActorAuthentication.of(customer), ActorAuthentication.of(staff, 3))) {
            var back = (SecurityContextImpl) trip(new SecurityContextImpl(authentication));
            assertThat(back.getAuthentication().getPrincipal()).isEqualTo(authentication.getPrincipal());
            assertThat(back.getAuthentication().getName()).isEqualTo(authentication.getName());
        }
    }

    @Test
    void cartsSurviveTheTrip() throws Exception {
        var item = UUID.randomUUID();
        var options = List.of(UUID.randomUUID());
        var pickup = List.of(new CartLine(item, options, 2));
        assertThat(trip(pickup)).isEqualTo(pickup);

        var deliveryLine = make("o2o.delivery.web.DeliveryCart$Line", item, options, 1);
        var delivery = make("o2o.delivery.web.DeliveryCart", List.of(deliveryLine));
        assertThat(trip(delivery)).isEqualTo(delivery);

        var mall = List.of(make("o2o.mallguide.web.MallCartView$SessionLine", UUID.randomUUID(), item, options, 3));
        assertThat(trip(mall)).isEqualTo(mall);
    }

    @Test
    void aWechatSignInWaitingInTheSessionSurvivesTheTrip() throws Exception {
        var authorization = make("o2o.identity.web.WechatAuthorization", "state", "/me", true);
        assertThat(trip(authorization)).isEqualTo(authorization);
        var account = new WechatAccount("openid-1", "unionid-1", "小明", "https://example.com/a.png");
        assertThat(trip(account)).isEqualTo(account);
    }

    private Object trip(Object value) {
        assertThat(value).isInstanceOf(Serializable.class);
        return in.convert(out.convert(value));
    }

    /** A page's own record, made by its canonical constructor (the pages keep these types to themselves). */
    private static Object make(String type, Object... components) throws Exception {
        var record = Class.forName(type);
        var types = java.util.Arrays.stream(record.getRecordComponents()).map(c -> c.getType()).toArray(Class[]::new);
        Constructor<?> constructor = record.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(components);
    }
}
