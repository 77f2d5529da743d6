package o2o;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module reads and writes only the tables its own migrations create; another module's data comes through that
 * module's API or a read model it publishes. The owner of a table is the module whose folder under db/migration
 * creates it; the migrations in __root belong to the shared kernel.
 */
class ModuleTablesTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/o2o");

    /** Spring Modulith's event publication registry and Flyway's history: infrastructure no module owns. */
    private static final Set<String> INFRASTRUCTURE =
            Set.of("event_publication", "event_publication_archive", "flyway_schema_history");

    @Test
    void noModuleNamesAnotherModulesTableInItsSql() {
        var owners = tableOwners();
        assertThat(owners).as("tables found in the migrations").containsKeys("customer", "membership", "merchant");
        var offenders = new ArrayList<String>();
        for (var module : modules()) {
            for (var file : javaFiles(SOURCES.resolve(module))) {
                for (var use : SqlTables.in(read(file))) {
                    var owner = owners.get(use.table());
                    if (owner != null && !owner.equals(module) && !INFRASTRUCTURE.contains(use.table())) {
                        offenders.add("%s: %s:%d names table %s of module %s"
                                .formatted(module, SOURCES.relativize(file), use.line(), use.table(), owner));
                    }
                }
            }
        }
        assertThat(offenders).as("SQL naming another module's table").isEmpty();
    }

    @Test
    void findsTheTablesAStatementReadsOrWrites() {
        var source = """
                class Example {
                    String sql = \"""
                            select m.id, c.phone from membership m
                            join customer c on c.id = m.customer_id
                            where m.merchant_id = :merchant
                            \""";
                    String other = "select 1 from points_lot l, store s where s.id = l.store_id";
                    String write = "insert into member_card (id) values (:id)";
                    String change = "update deal " + "set sold = sold + 1";
                    String columns = "select " + COLUMNS + " from deal d join merchant m on m.id = d.merchant_id";
                }
                """;
        assertThat(SqlTables.in(source)).extracting(TableUse::table)
                .containsExactly("membership", "customer", "points_lot", "store", "member_card", "deal", "deal", "merchant");
        assertThat(SqlTables.in(source)).extracting(TableUse::line).containsExactly(3, 4, 7, 7, 8, 9, 10, 10);
    }

    @Test
    void ignoresColumnsProseCommentsAndFunctionArguments() {
        var source = """
                class Example {
                    // select * from customer
                    /* join merchant */
                    String prose = "points moved from merchant to customer";
                    String columns = "select m.merchant_id, customer_id from membership m where m.store = :store";
                    String function = "select count(*) from generate_series(1, 3) where store_id = :store";
                    String conflict = "insert into membership (id) values (:id) on conflict do update set id = :id";
                    char quote = '"';
                }
                """;
        assertThat(SqlTables.in(source)).extracting(TableUse::table).containsExactly("membership", "membership");
    }

    private static Map<String, String> tableOwners() {
        var creates = Pattern.compile("(?i)\\bcreate\\s+(?:unlogged\\s+)?(?:materialized\\s+)?(?:table|view|sequence)"
                + "\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?(\\w+)");
        var owners = new TreeMap<String, String>();
        for (var folder : list(MIGRATIONS)) {
            var module = folder.getFileName().toString().equals("__root") ? "shared" : folder.getFileName().toString();
            for (var migration : list(folder)) {
                var sql = read(migration).replaceAll("--[^\n]*", "");
                var matcher = creates.matcher(sql);
                while (matcher.find()) {
                    var previous = owners.put(matcher.group(1).toLowerCase(Locale.ROOT), module);
                    assertThat(previous).as("table %s created by two modules", matcher.group(1)).isIn(null, module);
                }
            }
        }
        return owners;
    }

    private static List<String> modules() {
        return list(SOURCES).stream().filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
    }

    private static List<Path> javaFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record TableUse(String table, int line) {
    }

    /** A string literal (or literals joined by +) and the line it starts on. */
    record Literal(String text, int line) {
    }

    /**
     * Finds the names in table positions (after from, join, into, update, table, using; and each item of a from
     * list) in the Java string literals and text blocks that read as SQL.
     */
    static final class SqlTables {

        private static final Pattern STATEMENT = Pattern.compile(
                "(?is)\\b(select\\b.*\\bfrom|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|create\\s+table"
                        + "|alter\\s+table|lock\\s+table|truncate)\\b");
        private static final Pattern POSITION = Pattern.compile("(?i)\\b(from|join|into|update|table|using)\\s+");
        private static final Pattern NAME = Pattern.compile("(?:public\\.)?(\\w+)");
        private static final Pattern ALIAS = Pattern.compile("\\s+(?:as\\s+)?(\\w+)");
        private static final Set<String> KEYWORDS = Set.of("where", "join", "inner", "left", "right", "full", "cross",
                "natural", "on", "using", "group", "order", "limit", "offset", "for", "union", "except", "intersect",
                "having", "window", "set", "returning", "values", "select", "lateral", "fetch", "as", "only", "if",
                "exists", "not", "do", "default");

        static List<TableUse> in(String source) {
            var uses = new ArrayList<TableUse>();
            for (var literal : literals(source)) {
                if (STATEMENT.matcher(literal.text()).find()) {
                    tables(literal, uses);
                }
            }
            return uses;
        }

        private static void tables(Literal literal, List<TableUse> uses) {
            var sql = literal.text();
            var position = POSITION.matcher(sql);
            while (position.find()) {
                var list = position.group(1).equalsIgnoreCase("from") || position.group(1).equalsIgnoreCase("using");
                var at = position.end();
                while (true) {
                    var name = NAME.matcher(sql).region(at, sql.length());
                    if (!name.lookingAt() || KEYWORDS.contains(name.group(1).toLowerCase(Locale.ROOT))
                            || (name.end() < sql.length() && sql.charAt(name.end()) == '(')) {
                        break;
                    }
                    uses.add(new TableUse(name.group(1).toLowerCase(Locale.ROOT),
                            literal.line() + lines(sql, 0, name.start())));
                    at = name.end();
                    var alias = ALIAS.matcher(sql).region(at, sql.length());
                    if (alias.lookingAt() && !KEYWORDS.contains(alias.group(1).toLowerCase(Locale.ROOT))) {
                        at = alias.end();
                    }
                    var comma = Pattern.compile("\\s*,\\s*").matcher(sql).region(at, sql.length());
                    if (!list || !comma.lookingAt()) {
                        break;
                    }
                    at = comma.end();
                }
            }
        }

        /**
         * The string literals and text blocks of a Java source, outside comments; the literals of one concatenation
         * ({@code "select " + COLUMNS + " from deal"}) are joined into one.
         */
        static List<Literal> literals(String source) {
            var literals = new ArrayList<Literal>();
            var i = 0;
            var joinable = false;
            while (i < source.length()) {
                var c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    i = end(source.indexOf('\n', i), source);
                } else if (source.startsWith("/*", i)) {
                    i = end(source.indexOf("*/", i + 2), source) + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    var close = closing(source, i + 3, "\"\"\"");
                    joinable = add(literals, joinable, source.substring(i + 3, close), lines(source, 0, i) + 1);
                    i = close + 3;
                } else if (c == '"') {
                    var close = closing(source, i + 1, "\"");
                    joinable = add(literals, joinable, source.substring(i + 1, close), lines(source, 0, i) + 1);
                    i = close + 1;
                } else if (c == '\'') {
                    i = closing(source, i + 1, "'") + 1;
                } else {
                    if (!Character.isWhitespace(c) && c != '+' && c != '.' && !Character.isJavaIdentifierPart(c)) {
                        joinable = false;
                    }
                    i++;
                }
            }
            return literals;
        }

        private static boolean add(List<Literal> literals, boolean joinable, String text, int line) {
            if (joinable) {
                var last = literals.removeLast();
                literals.add(new Literal(last.text() + text, last.line()));
            } else {
                literals.add(new Literal(text, line));
            }
            return true;
        }

        private static int closing(String source, int from, String quote) {
            var i = from;
            while (i < source.length() && !source.startsWith(quote, i)) {
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i, source.length());
        }

        private static int end(int index, String source) {
            return index < 0 ? source.length() : index;
        }

        private static int lines(String text, int from, int to) {
            var count = 0;
            for (var i = from; i < to; i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            return count;
        }
    }
}
