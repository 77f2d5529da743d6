package o2o.reservations;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import o2o.dining.FloorPlan;
import o2o.dining.Tables;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.reservations.ReservationSettings.TableType;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. A booking takes a unit of its (store, date, slot, table type) counter with one conditional update
 * ({@code booked < capacity}), and every change of a booking's state is one conditional update of its status, so of
 * two racing changes one happens and the capacity and the deposit move exactly once.
 */
@Service
public class Reservations {

    /** Staff may mark a no-show this long after the slot started. */
    public static final Duration NO_SHOW_GRACE = Duration.ofMinutes(15);

    private static final String COLUMNS = """
            id, merchant_id, store_id, customer_id, slot_date, slot_time, starts_at, table_type, party_size,
            contact_name, contact_phone, note, status, deposit_minor, currency, order_id, free_cancel_until, created_at,
            confirmed_at, cancelled_at, cancelled_by, reminded_at, seated_at, table_id, session_id, no_show_at,
            deposit_outcome
            """;

    private final JdbcClient jdbc;
    private final Stores stores;
    private final Tables tables;
    private final Orders orders;
    private final Customers customers;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;

    Reservations(JdbcClient jdbc, Stores stores, Tables tables, Orders orders, Customers customers,
            Notifications notifications, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.tables = tables;
        this.orders = orders;
        this.customers = customers;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /** The store's booking rules, if it takes bookings. */
    @Transactional(readOnly = true)
    public Optional<ReservationSettings> settings(UUID storeId) {
        var types = jdbc.sql("""
                        select name, min_party, max_party, tables from reservation_table_type
                        where store_id = :store order by position
                        """)
                .param("store", storeId)
                .query((rs, row) -> new TableType(rs.getString("name"), rs.getInt("min_party"),
                        rs.getInt("max_party"), rs.getInt("tables")))
                .list();
        return jdbc.sql("select * from reservation_settings where store_id = :store")
                .param("store", storeId)
                .query((rs, row) -> new ReservationSettings(
                        ReservationSettings.slotsFromColumn((String[]) rs.getArray("slots").getArray()), types,
                        rs.getInt("days_ahead"), rs.getInt("cutoff_minutes"),
                        new Money(rs.getLong("deposit_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getBoolean("deposit_per_person"), rs.getInt("free_cancel_hours"),
                        rs.getInt("reminder_minutes")))
                .optional();
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
    public ReservationSettings saveSettings(StaffPrincipal staff, UUID storeId, ReservationSettings settings) {
        var store = managedStore(staff, storeId);
        var now = utc(clock.instant());
        jdbc.sql("""
                        insert into reservation_settings (store_id, merchant_id, slots, days_ahead, cutoff_minutes,
                            deposit_minor, deposit_per_person, currency, free_cancel_hours, reminder_minutes, updated_at)
                        values (:store, :merchant, :slots, :ahead, :cutoff, :deposit, :perPerson, :currency, :free,
                            :reminder, :now)
                        on conflict (store_id) do update set slots = excluded.slots, days_ahead = excluded.days_ahead,
                            cutoff_minutes = excluded.cutoff_minutes, deposit_minor = excluded.deposit_minor,
                            deposit_per_person = excluded.deposit_per_person, currency = excluded.currency,
                            free_cancel_hours = excluded.free_cancel_hours,
                            reminder_minutes = excluded.reminder_minutes, updated_at = excluded.updated_at
                        """)
                .param("store", store.id())
                .param("merchant", store.merchantId())
                .param("slots", settings.slotsColumn())
                .param("ahead", settings.daysAhead())
                .param("cutoff", settings.cutoffMinutes())
                .param("deposit", settings.deposit().minor())
                .param("perPerson", settings.depositPerPerson())
                .param("currency", settings.deposit().currency().getCurrencyCode())
                .param("free", settings.freeCancelHours())
                .param("reminder", settings.reminderMinutes())
                .param("now", now)
                .update();
        jdbc.sql("delete from reservation_table_type where store_id = :store and not (name = any(:names))")
                .param("store", store.id())
                .param("names", settings.tableTypes().stream().map(TableType::name).toArray(String[]::new))
                .update();
        int position = 0;
        for (var type : settings.tableTypes()) {
            jdbc.sql("""
                            insert into reservation_table_type (merchant_id, store_id, name, min_party, max_party,
                                                                tables, position)
                            values (:merchant, :store, :name, :min, :max, :tables, :position)
                            on conflict (store_id, name) do update set min_party = excluded.min_party,
                                max_party = excluded.max_party, tables = excluded.tables, position = excluded.position
                            """)
                    .param("merchant", store.merchantId()).param("store", store.id()).param("name", type.name())
                    .param("min", type.minParty()).param("max", type.maxParty()).param("tables", type.tables())
                    .param("position", position++)
                    .update();
            jdbc.sql("""
                            update reservation_slot set capacity = :tables
                            where store_id = :store and table_type = :name and slot_date >= :today
                            """)
                    .param("tables", type.tables()).param("store", store.id()).param("name", type.name())
                    .param("today", today(store))
                    .update();
        }
        return settings(store.id()).orElseThrow();
    }

    /** A listed store's slots on a date, with what is left; for a party size, what is left of the type it books. */
    @Transactional(readOnly = true)
    public DaySlots slots(UUID storeId, LocalDate date, @Nullable Integer partySize) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var settings = settings(storeId).orElseThrow(Reservations::notOffered);
        if (partySize != null && (partySize < 1 || partySize > 99)) {
            throw new InvalidInput("partySize", "between 1 and 99");
        }
        var now = clock.instant();
        var type = partySize == null ? null : settings.typeFor(partySize);
        var booked = new HashMap<String, Integer>();
        jdbc.sql("select slot_time, table_type, booked from reservation_slot where store_id = :store and slot_date = :date")
                .param("store", storeId).param("date", date)
                .query((rs, row) -> booked.put(rs.getObject("slot_time", LocalTime.class) + "|" + rs.getString("table_type"),
                        rs.getInt("booked")))
                .list();
        String reason = dayProblem(store, settings, date, now);
        var slots = settings.slotsOn(date.getDayOfWeek()).stream().map(time -> {
            var startsAt = startsAt(store, date, time);
            boolean bookable = reason == null && slotProblem(store, settings, startsAt, now) == null;
            var types = settings.tableTypes().stream().map(t -> {
                int taken = booked.getOrDefault(time + "|" + t.name(), 0);
                return new DaySlots.TypeLeft(t.name(), t.minParty(), t.maxParty(), t.tables(), taken,
                        Math.max(0, t.tables() - taken));
            }).toList();
            int left = type != null
                    ? types.stream().filter(t -> t.name().equals(type.name())).mapToInt(DaySlots.TypeLeft::left).sum()
                    : partySize != null ? 0 : types.stream().mapToInt(DaySlots.TypeLeft::left).sum();
            return new DaySlots.Slot(time, startsAt, bookable, left, types);
        }).toList();
        return new DaySlots(date, settings.slotsOn(date.getDayOfWeek()).isEmpty(), reason, partySize,
                type == null ? null : type.name(), settings.depositFor(partySize == null ? 1 : partySize),
                settings.depositPerPerson(), settings.freeCancelHours(), slots);
    }

    /**
     * Books a slot: the rules first (not past, not too far ahead, before the cut-off, a type that seats the party, a
     * day and time the store takes bookings), then one unit of the slot's counter, or 409 {@code slot-full}. With a
     * deposit the booking waits for it (PENDING_DEPOSIT, with a RESERVATION order to pay); without, it is CONFIRMED.
     */
    @Transactional
    public Reservation book(CustomerPrincipal customer, NewReservation request) {
        var store = stores.findListed(request.storeId()).orElseThrow(() -> Problem.notFound("store"));
        var settings = settings(store.id()).orElseThrow(Reservations::notOffered);
        var now = clock.instant();
        var dayProblem = dayProblem(store, settings, request.date(), now);
        if (dayProblem != null) throw rule(dayProblem);
        if (!settings.slotsOn(request.date().getDayOfWeek()).contains(request.time())) throw rule("reservation-no-such-slot");
        var startsAt = startsAt(store, request.date(), request.time());
        var slotProblem = slotProblem(store, settings, startsAt, now);
        if (slotProblem != null) throw rule(slotProblem);
        var type = settings.typeFor(request.partySize());
        if (type == null) throw rule("reservation-party-size", settings.largestParty());

        jdbc.sql("""
                        insert into reservation_slot (merchant_id, store_id, slot_date, slot_time, table_type, capacity)
                        values (:merchant, :store, :date, :time, :type, :capacity) on conflict do nothing
                        """)
                .param("merchant", store.merchantId()).param("store", store.id()).param("date", request.date())
                .param("time", request.time()).param("type", type.name()).param("capacity", type.tables())
                .update();
        int taken = jdbc.sql("""
                        update reservation_slot set booked = booked + 1
                        where store_id = :store and slot_date = :date and slot_time = :time and table_type = :type
                          and booked < capacity
                        """)
                .param("store", store.id()).param("date", request.date()).param("time", request.time())
                .param("type", type.name())
                .update();
        if (taken == 0) throw Problem.conflict("slot-full", "no " + type.name() + " is left at that time");

        var id = Ids.next();
        var deposit = settings.depositFor(request.partySize());
        UUID orderId = null;
        if (!deposit.isZero()) {
            var title = text("reservations.deposit-title", store.name(), request.date(), request.time());
            var unit = settings.depositPerPerson() ? settings.deposit() : deposit;
            int quantity = settings.depositPerPerson() ? request.partySize() : 1;
            orderId = orders.place(new NewOrder(store.merchantId(), store.id(), customer.customerId(),
                    Channel.RESERVATION, List.of(new NewOrder.Line(LineKind.DEPOSIT, id, title, unit, quantity, deposit)),
                    Money.zero(deposit.currency()), null, 0)).id();
        }
        var status = deposit.isZero() ? ReservationStatus.CONFIRMED : ReservationStatus.PENDING_DEPOSIT;
        var remindAt = startsAt.minus(Duration.ofMinutes(settings.reminderMinutes()));
        jdbc.sql("""
                        insert into reservation (id, merchant_id, store_id, customer_id, slot_date, slot_time,
                            starts_at, table_type, party_size, contact_name, contact_phone, note, status,
                            deposit_minor, currency, order_id, free_cancel_until, remind_at, reminded_at, created_at,
                            confirmed_at)
                        values (:id, :merchant, :store, :customer, :date, :time, :startsAt, :type, :party, :name,
                            :phone, :note, :status, :deposit, :currency, :order, :freeUntil, :remindAt, :remindedAt,
                            :now, :confirmedAt)
                        """)
                .param("id", id).param("merchant", store.merchantId()).param("store", store.id())
                .param("customer", customer.customerId()).param("date", request.date()).param("time", request.time())
                .param("startsAt", utc(startsAt)).param("type", type.name()).param("party", request.partySize())
                .param("name", request.contactName()).param("phone", request.contactPhone().value())
                .param("note", request.note()).param("status", status.name())
                .param("deposit", deposit.minor()).param("currency", deposit.currency().getCurrencyCode())
                .param("order", new SqlParameterValue(Types.OTHER, orderId))
                .param("freeUntil", utc(startsAt.minus(Duration.ofHours(settings.freeCancelHours()))))
                .param("remindAt", utc(remindAt))
                // booked after its reminder time: the confirmation is the reminder
                .param("remindedAt", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        remindAt.isAfter(now) ? null : utc(now)))
                .param("now", utc(now))
                .param("confirmedAt", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        status == ReservationStatus.CONFIRMED ? utc(now) : null))
                .update();
        var booking = find(id).orElseThrow();
        if (status == ReservationStatus.CONFIRMED) notifyConfirmed(booking, store);
        return booking;
    }

    /** The deposit's order was paid: PENDING_DEPOSIT → CONFIRMED and the customer is told; again changes nothing. */
    @Transactional
    public void depositPaid(UUID orderId) {
        var confirmed = jdbc.sql("""
                        update reservation set status = 'CONFIRMED', confirmed_at = :now,
                            reminded_at = case when remind_at <= :now then :now end
                        where order_id = :order and status = 'PENDING_DEPOSIT' returning id
                        """)
                .param("order", orderId).param("now", utc(clock.instant()))
                .query(UUID.class).optional();
        confirmed.flatMap(this::find).ifPresent(r -> notifyConfirmed(r, stores.find(r.storeId()).orElseThrow()));
    }

    /** The deposit's order was cancelled unpaid: PENDING_DEPOSIT → EXPIRED and the slot given back, once. */
    @Transactional
    public void depositNotPaid(UUID orderId) {
        jdbc.sql("""
                        update reservation set status = 'EXPIRED', cancelled_at = :now
                        where order_id = :order and status = 'PENDING_DEPOSIT'
                        returning id, store_id, slot_date, slot_time, table_type
                        """)
                .param("order", orderId).param("now", utc(clock.instant()))
                .query((rs, row) -> new Held(rs.getObject("store_id", UUID.class),
                        rs.getObject("slot_date", LocalDate.class), rs.getObject("slot_time", LocalTime.class),
                        rs.getString("table_type")))
                .optional()
                .ifPresent(this::release);
    }

    /**
     * The customer cancels: the slot is given back; a paid deposit comes back in full until the free-cancellation
     * time and is forfeited after it; an unpaid one is simply not asked for any more. Cancelling again changes nothing.
     */
    @Transactional
    public Reservation cancel(CustomerPrincipal customer, UUID reservationId) {
        var booking = ofCustomer(customer, reservationId);
        return cancel(booking, "customer");
    }

    /** Staff cancel (the store cannot take the party): the slot is given back and a paid deposit refunded in full. */
    @Transactional
    public Reservation cancel(StaffPrincipal staff, UUID storeId, UUID reservationId) {
        var booking = ofStore(floorStore(staff, storeId), reservationId);
        return cancel(booking, "staff");
    }

    private Reservation cancel(Reservation booking, String by) {
        var now = clock.instant();
        var from = jdbc.sql("""
                        update reservation r set status = 'CANCELLED', cancelled_at = :now, cancelled_by = :by
                        from (select id, status from reservation where id = :id for update) before
                        where r.id = before.id and before.status in ('PENDING_DEPOSIT', 'CONFIRMED')
                        returning before.status
                        """)
                .param("id", booking.id()).param("now", utc(now)).param("by", by)
                .query(String.class).optional();
        if (from.isEmpty()) {
            var current = find(booking.id()).orElseThrow();
            if (current.status() == ReservationStatus.CANCELLED) return current;
            throw new Problem(HttpStatus.CONFLICT, "reservation-not-cancellable", "this booking is " + current.status(),
                    current.status());
        }
        release(new Held(booking.storeId(), booking.date(), booking.time(), booking.tableType()));
        if (booking.orderId() != null) {
            boolean unpaid = orders.cancelUnpaid(booking.orderId(), "reservation cancelled");
            if (!unpaid && depositHeld(booking.orderId())) {
                boolean free = by.equals("staff") || now.isBefore(booking.freeCancelUntil());
                settleDeposit(booking, free, "cancel");
            }
        }
        return find(booking.id()).orElseThrow();
    }

    /**
     * The party arrived (on the booking's date): CONFIRMED → SEATED at a free table of the store, whose session opens ({@link Tables#seat},
     * 409 {@code table-occupied} when it has one, and then nothing changes); a paid deposit is given back.
     */
    @Transactional
    public Reservation checkIn(StaffPrincipal staff, UUID storeId, UUID reservationId, UUID tableId) {
        var store = floorStore(staff, storeId);
        var booking = ofStore(store, reservationId);
        var table = tables.table(tableId).filter(t -> t.storeId().equals(store.id()) && t.active())
                .orElseThrow(() -> Problem.notFound("table"));
        if (booking.status() != ReservationStatus.CONFIRMED) throw notInState(booking.id(), "reservation-not-confirmed");
        if (!booking.date().equals(today(store))) {
            throw new Problem(HttpStatus.CONFLICT, "reservation-not-today", "the booking is for " + booking.date(),
                    booking.date().toString());
        }
        int seated = jdbc.sql("""
                        update reservation set status = 'SEATED', seated_at = :now, table_id = :table
                        where id = :id and status = 'CONFIRMED'
                        """)
                .param("id", booking.id()).param("now", utc(clock.instant())).param("table", table.id())
                .update();
        if (seated == 0) throw notInState(booking.id(), "reservation-not-confirmed");
        var session = tables.seat(table.id(), booking.partySize(), "reservation");
        jdbc.sql("update reservation set session_id = :session where id = :id")
                .param("session", session.id()).param("id", booking.id()).update();
        if (booking.orderId() != null && depositHeld(booking.orderId())) settleDeposit(booking, true, "arrived");
        return find(booking.id()).orElseThrow();
    }

    /** The party did not come: CONFIRMED → NO_SHOW, from 15 minutes after the slot started; the deposit is forfeited. */
    @Transactional
    public Reservation noShow(StaffPrincipal staff, UUID storeId, UUID reservationId) {
        var booking = ofStore(floorStore(staff, storeId), reservationId);
        var now = clock.instant();
        if (now.isBefore(booking.startsAt().plus(NO_SHOW_GRACE))) {
            throw new Problem(HttpStatus.CONFLICT, "reservation-too-early",
                    "a no-show can be marked from 15 minutes after the slot");
        }
        int marked = jdbc.sql("""
                        update reservation set status = 'NO_SHOW', no_show_at = :now
                        where id = :id and status = 'CONFIRMED'
                        """)
                .param("id", booking.id()).param("now", utc(now)).update();
        if (marked == 0) throw notInState(booking.id(), "reservation-not-confirmed");
        if (booking.orderId() != null && depositHeld(booking.orderId())) settleDeposit(booking, false, "no-show");
        return find(booking.id()).orElseThrow();
    }

    /**
     * Sends the reminders that are due, each once: the rows are claimed by one conditional update (locked rows that
     * another node is claiming are skipped), and the messages are queued in the same transaction. Returns how many.
     */
    @Transactional
    public int sendDueReminders(int limit) {
        var now = utc(clock.instant());
        var due = jdbc.sql("""
                        update reservation set reminded_at = :now
                        where id in (select id from reservation
                                     where status = 'CONFIRMED' and reminded_at is null and remind_at <= :now
                                       and starts_at > :now
                                     order by remind_at limit :limit for update skip locked)
                          and reminded_at is null
                        returning id
                        """)
                .param("now", now).param("limit", limit)
                .query(UUID.class).list();
        for (var id : due) {
            var booking = find(id).orElseThrow();
            var store = stores.find(booking.storeId()).orElseThrow();
            notifyCustomer(booking, MessageKind.RESERVATION_REMINDER, "reservations.sms.reminder", store.name(),
                    booking.date(), booking.time(), booking.partySize());
        }
        return due.size();
    }

    @Transactional(readOnly = true)
    public Optional<Reservation> find(UUID reservationId) {
        return jdbc.sql("select " + COLUMNS + " from reservation where id = :id")
                .param("id", reservationId).query(Reservations::reservation).optional();
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
        return jdbc.sql("select " + COLUMNS + " from reservation where customer_id = :c order by starts_at desc, id limit 100")
                .param("c", customer.customerId()).query(Reservations::reservation).list();
    }

    /** A store's bookings on a date, by slot, for its floor staff. */
    @Transactional(readOnly = true)
    public List<Reservation> day(StaffPrincipal staff, UUID storeId, LocalDate date) {
        var store = floorStore(staff, storeId);
        return jdbc.sql("select " + COLUMNS + """
                         from reservation where merchant_id = :m and store_id = :s and slot_date = :date
                        order by slot_time, created_at, id
                        """)
                .param("m", store.merchantId()).param("s", store.id()).param("date", date)
                .query(Reservations::reservation).list();
    }

    /** One of the store's bookings, for its floor staff. */
    @Transactional(readOnly = true)
    public Reservation get(StaffPrincipal staff, UUID storeId, UUID reservationId) {
        return ofStore(floorStore(staff, storeId), reservationId);
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

    private record Held(UUID storeId, LocalDate date, LocalTime time, String tableType) {}

    private void release(Held held) {
        jdbc.sql("""
                        update reservation_slot set booked = booked - 1
                        where store_id = :store and slot_date = :date and slot_time = :time and table_type = :type
                          and booked > 0
                        """)
                .param("store", held.storeId()).param("date", held.date()).param("time", held.time())
                .param("type", held.tableType())
                .update();
    }

    /** True when the deposit's money is with the merchant and not yet settled. */
    private boolean depositHeld(UUID orderId) {
        return orders.find(orderId).map(o -> o.status() == OrderStatus.PAID).orElse(false);
    }

    private void settleDeposit(Reservation booking, boolean refund, String why) {
        var orderId = booking.orderId();
        if (orderId == null) return;
        if (refund) {
            orders.refund(orderId, booking.deposit(), "reservation:" + booking.id() + ":" + why);
        } else {
            orders.complete(orderId);
        }
        jdbc.sql("update reservation set deposit_outcome = :outcome where id = :id")
                .param("outcome", refund ? "REFUNDED" : "FORFEITED").param("id", booking.id()).update();
    }

    private Reservation ofStore(Store store, UUID reservationId) {
        return find(reservationId)
                .filter(r -> r.merchantId().equals(store.merchantId()) && r.storeId().equals(store.id()))
                .orElseThrow(() -> Problem.notFound("reservation"));
    }

    private Problem notInState(UUID reservationId, String slug) {
        var status = find(reservationId).orElseThrow().status();
        return new Problem(HttpStatus.CONFLICT, slug, "this booking is " + status, status);
    }

    /** Why the date cannot be booked at all, as a problem slug, or null. */
    private @Nullable String dayProblem(Store store, ReservationSettings settings, LocalDate date, Instant now) {
        var today = LocalDate.ofInstant(now, store.timeZone());
        if (date.isBefore(today)) return "reservation-in-past";
        if (date.isAfter(today.plusDays(settings.daysAhead()))) return "reservation-too-far-ahead";
        if (settings.slotsOn(date.getDayOfWeek()).isEmpty()) return "reservation-day-closed";
        return null;
    }

    /** Why a slot cannot be booked now, as a problem slug, or null. */
    private static @Nullable String slotProblem(Store store, ReservationSettings settings, Instant startsAt,
            Instant now) {
        if (!startsAt.isAfter(now)) return "reservation-in-past";
        if (now.isAfter(startsAt.minus(Duration.ofMinutes(settings.cutoffMinutes())))) return "reservation-past-cutoff";
        if (!store.isOpenAt(startsAt)) return "reservation-day-closed";
        return null;
    }

    private static Problem rule(String slug, Object... args) {
        var detail = switch (slug) {
            case "reservation-in-past" -> "that time has passed";
            case "reservation-too-far-ahead" -> "that date is too far ahead";
            case "reservation-day-closed" -> "the store takes no bookings then";
            case "reservation-no-such-slot" -> "the store takes no bookings at that time";
            case "reservation-past-cutoff" -> "bookings for that time have closed";
            case "reservation-party-size" -> "no table seats a party of that size";
            default -> slug;
        };
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, slug, detail, args);
    }

    private static Problem notOffered() {
        return new Problem(HttpStatus.NOT_FOUND, "reservations-not-offered", "the store takes no bookings");
    }

    private static Instant startsAt(Store store, LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, store.timeZone()).toInstant();
    }

    private void notifyConfirmed(Reservation booking, Store store) {
        notifyCustomer(booking, MessageKind.RESERVATION_CONFIRMED, "reservations.sms.confirmed", store.name(),
                booking.date(), booking.time(), booking.partySize(), booking.tableType());
    }

    private void notifyCustomer(Reservation booking, MessageKind kind, String key, Object... args) {
        var text = text(key, args);
        customers.phoneOf(booking.customerId())
                .ifPresent(phone -> notifications.sms(phone, kind, kind.params(args), text));
        notifications.inApp(booking.customerId(), kind, text);
    }

    private String text(String key, Object... args) {
        var strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) strings[i] = args[i] instanceof Number n ? n : String.valueOf(args[i]);
        return messages.getMessage(key, strings, Locale.SIMPLIFIED_CHINESE);
    }


    static Reservation reservation(ResultSet rs, int row) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        return new Reservation(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("slot_date", LocalDate.class), rs.getObject("slot_time", LocalTime.class),
                instant(rs, "starts_at"), rs.getString("table_type"), rs.getInt("party_size"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("note"),
                ReservationStatus.valueOf(rs.getString("status")), new Money(rs.getLong("deposit_minor"), currency),
                rs.getObject("order_id", UUID.class), instant(rs, "free_cancel_until"), instant(rs, "created_at"),
                instant(rs, "confirmed_at"), instant(rs, "cancelled_at"), rs.getString("cancelled_by"),
                instant(rs, "reminded_at"), instant(rs, "seated_at"), rs.getObject("table_id", UUID.class),
                rs.getObject("session_id", UUID.class), instant(rs, "no_show_at"), rs.getString("deposit_outcome"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
