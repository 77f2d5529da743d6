package o2o.reservations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.dining.FloorPlan;
import o2o.dining.Tables;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.reservations.persistence.BookingSettings;
import o2o.reservations.persistence.Bookings;
import o2o.reservations.persistence.SlotCounters;
import o2o.reservations.persistence.Slot;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. A booking takes a unit of its (store, date, slot, table type) counter with one conditional update
 * ({@code booked < capacity}), and every change of a booking's state is one conditional update of its status, so of
 * two racing changes one happens and the capacity and the deposit move exactly once.
 */
@Service
public class Reservations {

    private final BookingSettings settings;
    private final SlotCounters slots;
    private final Bookings bookings;
    private final Deposits deposits;
    private final BookingNotices notices;
    private final BookingReminders reminders;
    private final Stores stores;
    private final Tables tables;
    private final Clock clock;

    Reservations(BookingSettings settings, SlotCounters slots, Bookings bookings, Deposits deposits,
            BookingNotices notices, BookingReminders reminders, Stores stores, Tables tables, Clock clock) {
        this.settings = settings;
        this.slots = slots;
        this.bookings = bookings;
        this.deposits = deposits;
        this.notices = notices;
        this.reminders = reminders;
        this.stores = stores;
        this.tables = tables;
        this.clock = clock;
    }

    /** The store's booking rules, if it takes bookings. */
    @Transactional(readOnly = true)
    public Optional<ReservationSettings> settings(UUID storeId) {
        return settings.find(storeId);
    }

    /** The settings of a store its owner or manager runs; another merchant's store is "not found". */
    @Transactional(readOnly = true)
    public Optional<ReservationSettings> settings(StaffPrincipal staff, UUID storeId) {
        return settings(managedStore(staff, storeId).id());
    }

    /**
     * Replaces the store's booking rules. Table types are kept by name, so the counters of slots already booked keep
     * counting; a type's new table count becomes the capacity of its slots from today on.
     */
    @Transactional
    public ReservationSettings saveSettings(StaffPrincipal staff, UUID storeId, ReservationSettings rules) {
        var store = managedStore(staff, storeId);
        settings.save(store.merchantId(), store.id(), rules, clock.instant());
        for (var type : rules.tableTypes()) slots.resize(store.id(), type.name(), type.tables(), today(store));
        return settings(store.id()).orElseThrow();
    }

    /** A listed store's slots on a date, with what is left; for a party size, what is left of the type it books. */
    @Transactional(readOnly = true)
    public DaySlots slots(UUID storeId, LocalDate date, @Nullable Integer partySize) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var rules = settings(storeId).orElseThrow(Reservations::notOffered);
        if (partySize != null && (partySize < 1 || partySize > 99)) {
            throw new InvalidInput("partySize", "between 1 and 99");
        }
        var booked = new HashMap<Slot, Integer>();
        for (var b : slots.bookedOn(storeId, date)) booked.put(new Slot(storeId, date, b.time(), b.tableType()), b.booked());
        return new BookingWindow(store, rules, clock.instant()).day(date, partySize,
                (time, type) -> booked.getOrDefault(new Slot(storeId, date, time, type), 0));
    }

    /**
     * Books a slot: the rules first (not past, not too far ahead, before the cut-off, a type that seats the party, a
     * day and time the store takes bookings), then one unit of the slot's counter, or 409 {@code slot-full}. With a
     * deposit the booking waits for it (PENDING_DEPOSIT, with a RESERVATION order to pay); without, it is CONFIRMED.
     */
    @Transactional
    public Reservation book(CustomerPrincipal customer, NewReservation request) {
        var store = stores.findListed(request.storeId()).orElseThrow(() -> Problem.notFound("store"));
        var rules = settings(store.id()).orElseThrow(Reservations::notOffered);
        var now = clock.instant();
        var startsAt = new BookingWindow(store, rules, now).check(request.date(), request.time());
        var type = rules.typeFor(request.partySize());
        if (type == null) throw BookingRule.PARTY_SIZE.broken(rules.largestParty());
        if (!slots.take(store.merchantId(), new Slot(store.id(), request.date(), request.time(), type.name()),
                type.tables())) {
            throw Problem.conflict("slot-full", "no " + type.name() + " is left at that time");
        }
        var id = Ids.next();
        var orderId = deposits.ask(id, customer.customerId(), store, rules, request.date(), request.time(),
                request.partySize());
        var booking = NewBooking.of(id, store.merchantId(), customer.customerId(), request, startsAt, type.name(),
                rules, orderId, now);
        bookings.insert(booking);
        var booked = find(id).orElseThrow();
        if (booking.status() == ReservationStatus.CONFIRMED) notices.confirmed(booked, store);
        return booked;
    }

    /** The deposit's order was paid: PENDING_DEPOSIT → CONFIRMED and the customer is told; again changes nothing. */
    @Transactional
    public void depositPaid(UUID orderId) {
        bookings.confirm(orderId, clock.instant()).flatMap(this::find)
                .ifPresent(r -> notices.confirmed(r, stores.find(r.storeId()).orElseThrow()));
    }

    /** The deposit's order was cancelled unpaid: PENDING_DEPOSIT → EXPIRED and the slot given back, once. */
    @Transactional
    public void depositNotPaid(UUID orderId) {
        bookings.expire(orderId, clock.instant()).ifPresent(slots::release);
    }

    /**
     * The customer cancels: the slot is given back; a paid deposit comes back in full until the free-cancellation
     * time and is forfeited after it; an unpaid one is simply not asked for any more. Cancelling again changes nothing.
     */
    @Transactional
    public Reservation cancel(CustomerPrincipal customer, UUID reservationId) {
        return cancel(ofCustomer(customer, reservationId), CancelledBy.CUSTOMER);
    }

    /** Staff cancel (the store cannot take the party): the slot is given back and a paid deposit refunded in full. */
    @Transactional
    public Reservation cancel(StaffPrincipal staff, StoreId storeId, UUID reservationId) {
        return cancel(ofStore(floorStore(staff, storeId.value()), reservationId), CancelledBy.STAFF);
    }

    private Reservation cancel(Reservation booking, CancelledBy by) {
        var now = clock.instant();
        if (bookings.cancel(booking.id(), by, now).isEmpty()) {
            var current = find(booking.id()).orElseThrow();
            if (current.status() == ReservationStatus.CANCELLED) return current;
            throw new Problem(HttpStatus.CONFLICT, "reservation-not-cancellable", "this booking is " + current.status(),
                    current.status());
        }
        slots.release(new Slot(booking.storeId(), booking.date(), booking.time(), booking.tableType()));
        if (booking.orderId() != null && !deposits.cancelUnpaid(booking.orderId())) {
            deposits.settle(booking, booking.refundsDepositOnCancel(by, now), "cancel");
        }
        return find(booking.id()).orElseThrow();
    }

    /**
     * The party arrived (on the booking's date): CONFIRMED → SEATED at a free table of the store, whose session opens ({@link Tables#seat},
     * 409 {@code table-occupied} when it has one, and then nothing changes); a paid deposit is given back.
     */
    @Transactional
    public Reservation checkIn(StaffPrincipal staff, StoreId storeId, UUID reservationId, UUID tableId) {
        var store = floorStore(staff, storeId.value());
        var booking = ofStore(store, reservationId);
        var table = tables.table(tableId).filter(t -> t.storeId().equals(store.id()) && t.active())
                .orElseThrow(() -> Problem.notFound("table"));
        booking.checkInOn(today(store));
        if (!bookings.seat(booking.id(), table.id(), clock.instant())) throw notConfirmed(booking.id());
        var session = tables.seat(table.id(), booking.partySize(), "reservation");
        bookings.openedSession(booking.id(), session.id());
        deposits.settle(booking, true, "arrived");
        return find(booking.id()).orElseThrow();
    }

    /** The party did not come: CONFIRMED → NO_SHOW, from 15 minutes after the slot started; the deposit is forfeited. */
    @Transactional
    public Reservation noShow(StaffPrincipal staff, StoreId storeId, UUID reservationId) {
        var booking = ofStore(floorStore(staff, storeId.value()), reservationId);
        var now = clock.instant();
        booking.noShowAt(now);
        if (!bookings.markNoShow(booking.id(), now)) throw notConfirmed(booking.id());
        deposits.settle(booking, false, "no-show");
        return find(booking.id()).orElseThrow();
    }

    /**
     * Sends the reminders that are due, each once: the rows are claimed by one conditional update (locked rows that
     * another node is claiming are skipped), and the messages are queued in the same transaction. Returns how many.
     */
    @Transactional
    public int sendDueReminders(int limit) {
        return reminders.sendDue(limit);
    }

    @Transactional(readOnly = true)
    public Optional<Reservation> find(UUID reservationId) {
        return bookings.find(reservationId);
    }

    /** The customer's own booking; anybody else's is "not found". */
    @Transactional(readOnly = true)
    public Reservation ofCustomer(CustomerPrincipal customer, UUID reservationId) {
        return find(reservationId).filter(r -> r.customerId().equals(customer.customerId()))
                .orElseThrow(() -> Problem.notFound("reservation"));
    }

    /** The customer's bookings, the latest slot first (the last 100). */
    @Transactional(readOnly = true)
    public List<Reservation> ofCustomer(CustomerPrincipal customer) {
        return bookings.ofCustomer(customer.customerId());
    }

    /** A store's bookings on a date, by slot, for its floor staff. */
    @Transactional(readOnly = true)
    public List<Reservation> day(StaffPrincipal staff, UUID storeId, LocalDate date) {
        var store = floorStore(staff, storeId);
        return bookings.onDate(store.merchantId(), store.id(), date);
    }

    /** One of the store's bookings, for its floor staff. */
    @Transactional(readOnly = true)
    public Reservation get(StaffPrincipal staff, StoreId storeId, UUID reservationId) {
        return ofStore(floorStore(staff, storeId.value()), reservationId);
    }

    /** The store for its floor staff (owner, manager, waiter, cashier); another merchant's store is "not found". */
    @Transactional(readOnly = true)
    public Store floorStore(StaffPrincipal staff, UUID storeId) {
        var store = stores.get(staff, storeId);
        if (!FloorPlan.FLOOR.contains(staff.role())) throw Problem.forbidden("only floor staff handle bookings");
        return store;
    }

    /** The store for its owner or manager. */
    @Transactional(readOnly = true)
    public Store managedStore(StaffPrincipal staff, UUID storeId) {
        var store = stores.get(staff, storeId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers set up bookings");
        return store;
    }

    /** Today in the store's time zone. */
    public LocalDate today(Store store) {
        return LocalDate.ofInstant(clock.instant(), store.timeZone());
    }

    private Reservation ofStore(Store store, UUID reservationId) {
        return find(reservationId)
                .filter(r -> r.merchantId().equals(store.merchantId()) && r.storeId().equals(store.id()))
                .orElseThrow(() -> Problem.notFound("reservation"));
    }

    private Problem notConfirmed(UUID reservationId) {
        return Reservation.notInState(find(reservationId).orElseThrow().status(), "reservation-not-confirmed");
    }

    private static Problem notOffered() {
        return new Problem(HttpStatus.NOT_FOUND, "reservations-not-offered", "the store takes no bookings");
    }
}
