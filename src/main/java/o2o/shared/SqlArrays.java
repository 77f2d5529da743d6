package o2o.shared;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reading PostgreSQL array columns into collections. */
public final class SqlArrays {

    private SqlArrays() {}

    public static Set<UUID> uuids(Array array) throws SQLException {
        return Set.of((UUID[]) array.getArray());
    }

    public static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
