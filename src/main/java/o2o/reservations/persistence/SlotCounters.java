package o2o.reservations.persistence;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reservation_slot table: what one slot of one table type has taken, created on its first booking and taken one
 * unit at a time by a conditional update ({@code booked < capacity}), so concurrent bookings never overbook it.
 */
@Repository
public class SlotCounters {

    private final JdbcClient jdbc;

    SlotCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes one unit of the slot, opening its counter with this capacity first; false when the slot is full. */
    public boolean take(UUID merchantId, Slot slot, int capacity) {
        jdbc.sql("""
                        insert into reservation_slot (merchant_id, store_id, slot_date, slot_time, table_type, capacity)
                        values (:merchant, :store, :date, :time, :type, :capacity) on conflict do nothing
                        """)
                .param("merchant", merchantId).param("store", slot.storeId()).param("date", slot.date())
                .param("time", slot.time()).param("type", slot.tableType()).param("capacity", capacity)
                .update();
        return jdbc.sql("""
                        update reservation_slot set booked = booked + 1
                        where store_id = :store and slot_date = :date and slot_time = :time and table_type = :type
                          and booked < capacity
                        """)
                .param("store", slot.storeId()).param("date", slot.date()).param("time", slot.time())
                .param("type", slot.tableType())
                .update() == 1;
    }

    public void release(Slot slot) {
        jdbc.sql("""
                        update reservation_slot set booked = booked - 1
                        where store_id = :store and slot_date = :date and slot_time = :time and table_type = :type
                          and booked > 0
                        """)
                .param("store", slot.storeId()).param("date", slot.date()).param("time", slot.time())
                .param("type", slot.tableType())
                .update();
    }

    public List<SlotBooked> bookedOn(UUID storeId, LocalDate date) {
        return jdbc.sql("select slot_time, table_type, booked from reservation_slot where store_id = :store and slot_date = :date")
                .param("store", storeId).param("date", date)
                .query((rs, row) -> new SlotBooked(rs.getObject("slot_time", LocalTime.class), rs.getString("table_type"),
                        rs.getInt("booked")))
                .list();
    }

    /** A table type's new table count becomes the capacity of its slots from this date on. */
    public void resize(UUID storeId, String tableType, int tables, LocalDate from) {
        jdbc.sql("""
                        update reservation_slot set capacity = :tables
                        where store_id = :store and table_type = :name and slot_date >= :today
                        """)
                .param("tables", tables).param("store", storeId).param("name", tableType)
                .param("today", from)
                .update();
    }
}
