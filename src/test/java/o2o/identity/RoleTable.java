package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The README's "Roles" table: for each merchant API operation, the roles with a ✓. */
record RoleTable(List<Role> columns, Map<Operation, Set<Role>> allowed) {

    private static final Pattern OPERATION = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/v1/merchant/[^`]*)`");

    record Operation(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static RoleTable readme() throws IOException {
        var lines = Files.readAllLines(Path.of("README.md"));
        int section = lines.indexOf("## Roles");
        assertThat(section).as("README.md has a \"## Roles\" section").isNotNegative();
        int header = section;
        while (header < lines.size() && !lines.get(header).startsWith("| operation |")) header++;
        assertThat(header).as("the Roles section has a table headed \"| operation | …\"").isLessThan(lines.size());
        var headerCells = cells(lines.get(header));
        var columns = headerCells.subList(1, headerCells.size()).stream()
                .map(name -> Role.valueOf(name.toUpperCase(Locale.ROOT))).toList();
        var allowed = new LinkedHashMap<Operation, Set<Role>>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            var row = cells(lines.get(i));
            assertThat(row).as("line %d has a cell per column", i + 1).hasSize(columns.size() + 1);
            var roles = EnumSet.noneOf(Role.class);
            for (int c = 0; c < columns.size(); c++) {
                var mark = row.get(c + 1);
                assertThat(mark).as("line %d, %s: ✓ or empty", i + 1, columns.get(c)).isIn("✓", "");
                if (mark.equals("✓")) roles.add(columns.get(c));
            }
            var matcher = OPERATION.matcher(row.getFirst());
            int found = 0;
            while (matcher.find()) {
                var operation = new Operation(matcher.group(1), matcher.group(2));
                assertThat(allowed.put(operation, roles)).as("%s has one row only", operation).isNull();
                found++;
            }
            assertThat(found).as("line %d names an operation", i + 1).isPositive();
        }
        return new RoleTable(columns, allowed);
    }

    private static List<String> cells(String line) {
        var parts = line.strip().split("\\|", -1);
        var cells = new ArrayList<String>();
        for (int i = 1; i < parts.length - 1; i++) cells.add(parts[i].strip());
        return cells;
    }
}
