package o2o.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.persistence.CustomerRows;
import o2o.identity.persistence.MemberCardRows;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Page;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for customers: one customer per phone number. */
@Service
public class Customers {

    private final CustomerRows rows;
    private final MemberCardRows cards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Customers(CustomerRows rows, MemberCardRows cards, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.events = events;
        this.cards = cards;
        this.clock = clock;
    }

    /** The customer holding this phone, registered on first sight. Safe when two sign-ins race. */
    @Transactional
    public CustomerPrincipal findOrRegister(PhoneNumber phone) {
        rows.insert(phone, clock.instant());
        return byPhone(phone).orElseThrow();
    }

    /** Registers many phones at once (imports, demo data); returns the customers' ids in the phones' order. */
    @Transactional
    public List<UUID> registerAll(List<PhoneNumber> phones) {
        var ids = rows.insertAll(phones, clock.instant());
        return phones.stream().map(p -> ids.get(p.value())).toList();
    }

    @Transactional(readOnly = true)
    public long countWithPrefix(String phonePrefix) {
        return rows.countWithPrefix(phonePrefix.replaceAll("[^0-9]", ""));
    }

    @Transactional(readOnly = true)
    public Optional<PhoneNumber> phoneOf(UUID customerId) {
        return rows.phone(customerId);
    }

    /** The phones of these customers (merged ones included, each its own), in one query; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, PhoneNumber> phonesOf(Collection<UUID> customerIds) {
        return customerIds.isEmpty() ? Map.of() : rows.phones(customerIds);
    }

    /** The customer holding this phone; for a phone whose customer was merged, the customer it was merged into. */
    @Transactional(readOnly = true)
    public Optional<CustomerPrincipal> byPhone(PhoneNumber phone) {
        return rows.resolvedByPhone(phone);
    }

    /**
     * Who a customer id stands for now: itself, or the customer it was merged into. Signed-in callers are resolved
     * through this on every request, so a merged customer's tokens and sessions act as the target.
     */
    @Transactional(readOnly = true)
    public Optional<CustomerPrincipal> current(UUID customerId) {
        return rows.resolvedById(customerId);
    }

    /** The customer this WeChat openid is bound to (the merge target, if that customer was merged). */
    @Transactional(readOnly = true)
    public Optional<CustomerPrincipal> byWechatOpenid(String openid) {
        return rows.resolvedByOpenid(openid);
    }

    /**
     * Binds a WeChat account (as WeChat vouched for it) to the customer, with its unionid and profile. Binding the same
     * openid again refreshes them; an openid bound to somebody else, or a customer bound to another WeChat account
     * already, is a 409: nothing is ever rebound silently.
     */
    @Transactional
    public void bindWechat(UUID customerId, WechatAccount account) {
        boolean bound;
        try {
            bound = rows.bindWechat(customerId, account);
        } catch (DuplicateKeyException raced) {
            throw wechatTaken();
        }
        if (bound) return;
        var owner = rows.holderOfOpenid(account.openid());
        if (owner.isPresent() && !owner.get().equals(customerId)) throw wechatTaken();
        if (current(customerId).isEmpty()) throw Problem.notFound("customer");
        throw new Problem(HttpStatus.CONFLICT, "wechat-other-bound",
                "this customer is bound to another WeChat account; unbind it first");
    }

    /** Refreshes the profile of the customer bound to this openid (a sign-in that shared it); nobody bound: nothing. */
    @Transactional
    public void refreshWechatProfile(WechatAccount account) {
        rows.refreshWechatProfile(account);
    }

    /** Unbinds the openid if it is this customer's; anything else changes nothing. */
    @Transactional
    public void unbindWechat(UUID customerId, String openid) {
        rows.unbindWechat(customerId, openid);
    }

    /** The WeChat account bound to the customer, if any. */
    @Transactional(readOnly = true)
    public Optional<WechatAccount> wechatOf(UUID customerId) {
        return rows.wechat(customerId);
    }

    /** The customer a merchant's member card is bound to. */
    @Transactional(readOnly = true)
    public Optional<CustomerPrincipal> byCard(UUID merchantId, String cardNumber) {
        return cards.holder(merchantId, cardNumber.strip());
    }

    /** The member cards a customer holds at a merchant, oldest first. */
    @Transactional(readOnly = true)
    public List<MemberCard> cardsOf(CustomerId customerId, MerchantId merchantId) {
        return cards.of(customerId.value(), merchantId.value());
    }

    @Transactional(readOnly = true)
    public Optional<MemberCard> card(UUID merchantId, CardNumber cardNumber) {
        return cards.find(merchantId, cardNumber.value());
    }

    /** A merchant's member cards by number, a page at a time. */
    @Transactional(readOnly = true)
    public Page<MemberCard> cardsOfMerchant(UUID merchantId, @Nullable String after, int limit) {
        var found = cards.ofMerchant(merchantId, after == null ? "" : after, limit + 1);
        return found.size() > limit
                ? new Page<>(found.subList(0, limit), found.get(limit - 1).cardNumber())
                : new Page<>(found, null);
    }

    /**
     * Binds a merchant's card to a customer. Binding it again to the same customer changes nothing ({@code false});
     * a card already bound to somebody else is a 409.
     */
    @Transactional
    public boolean bindCard(MerchantId merchantId, CardNumber cardNumber, CustomerId customerId) {
        if (cards.insert(merchantId.value(), cardNumber.value(), customerId.value(), clock.instant())) return true;
        var holder = byCard(merchantId.value(), cardNumber.value()).map(CustomerPrincipal::customerId).orElseThrow();
        if (!holder.equals(customerId.value())) {
            throw new Problem(HttpStatus.CONFLICT, "card-taken", "this card is bound to another customer");
        }
        return false;
    }

    /** Unbinds a merchant's card; false if the merchant has no such card. */
    @Transactional
    public boolean unbindCard(UUID merchantId, CardNumber cardNumber) {
        return cards.delete(merchantId, cardNumber.value());
    }

    private static Problem wechatTaken() {
        return new Problem(HttpStatus.CONFLICT, "wechat-taken", "this WeChat account is bound to another customer");
    }

    /** The customer's birthday, if they gave it. */
    /** The customers whose birthday is this day of the year. */
    @Transactional(readOnly = true)
    public List<UUID> bornOn(java.time.MonthDay day) {
        return rows.bornOn(day);
    }

    @Transactional(readOnly = true)
    public Optional<java.time.LocalDate> birthdayOf(CustomerId customer) {
        return rows.birthday(customer.value());
    }

    /** The birthdays of those of these customers who gave one, in one read. */
    @Transactional(readOnly = true)
    public Map<CustomerId, java.time.LocalDate> birthdaysOf(Collection<CustomerId> customers) {
        var found = new java.util.HashMap<CustomerId, java.time.LocalDate>();
        if (customers.isEmpty()) return found;
        rows.birthdays(customers.stream().map(CustomerId::value).distinct().toList())
                .forEach((id, birthday) -> found.put(new CustomerId(id), birthday));
        return found;
    }

    /** Sets (or, with null, clears) the customer's own birthday: a past day since 1900. */
    @Transactional
    public void setBirthday(CustomerPrincipal customer, java.time.@Nullable LocalDate birthday) {
        if (birthday != null && (birthday.isAfter(java.time.LocalDate.now(clock))
                || birthday.isBefore(java.time.LocalDate.of(1900, 1, 1)))) {
            throw new o2o.shared.InvalidInput("birthday", "a past day since 1900");
        }
        rows.setBirthday(customer.customerId(), birthday);
        events.publishEvent(new BirthdaySet(new CustomerId(customer.customerId()), birthday, clock.instant()));
    }
}
