package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every problem type the code can raise has its words in Chinese (the default bundle) and in English: a caller who
 * reads Chinese never gets the English detail written beside the code. The types are found where problems are made
 * in the sources: {@code new Problem(status, "slug", …)}, a subclass's {@code super(status, "slug", …)},
 * {@code Problem.conflict("slug", …)}, the helpers that pass a slug on, and {@code urn:o2o:problem:slug} literals.
 */
class ProblemMessagesTests {

    private static final List<Pattern> WHERE_PROBLEMS_ARE_MADE = List.of(
            Pattern.compile("new Problem\\(\\s*[\\w.]+\\s*,\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("super\\(\\s*HttpStatus\\.\\w+\\s*,\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("Problem\\.conflict\\(\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("\\brule\\(\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("notInState\\([^,]+,\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("refuse\\(request, response, HttpStatus\\.\\w+,\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("urn:o2o:problem:([a-z0-9-]+)\""),
            // an enum of refusals, each constant a slug and its detail: BookingRule.IN_PAST("reservation-in-past", "…")
            Pattern.compile("(?m)^\\s*[A-Z][A-Z0-9_]+\\(\\s*\"([a-z0-9]+(?:-[a-z0-9]+)+)\",\\s*\""));

    @Test
    void everyProblemTypeHasAChineseAndAnEnglishMessage() throws IOException {
        var types = problemTypes();
        assertThat(types).as("problem types found in the sources").hasSizeGreaterThan(80);
        var chinese = bundle("messages.properties");
        var english = bundle("messages_en.properties");
        var missing = new TreeMap<String, String>();
        for (var type : types.keySet()) {
            var inChinese = hasMessage(chinese, type);
            var inEnglish = hasMessage(english, type);
            if (!inChinese || !inEnglish) {
                missing.put(type, (inChinese ? "" : "zh-CN ") + (inEnglish ? "" : "en ") + "missing, raised in "
                        + types.get(type));
            }
        }
        assertThat(missing).as("problem types without problem.<slug> in messages.properties (zh-CN) and "
                + "messages_en.properties (en)").isEmpty();
    }

    /** {@code problem.<slug>}, or keys under it for a type worded by its cause ({@code problem.unreadable-body.*}). */
    private static boolean hasMessage(Properties bundle, String slug) {
        var key = "problem." + slug;
        return bundle.containsKey(key) || bundle.stringPropertyNames().stream()
                .anyMatch(name -> name.startsWith(key + ".") && !name.equals(key + ".title"));
    }

    private static TreeMap<String, TreeSet<String>> problemTypes() throws IOException {
        var types = new TreeMap<String, TreeSet<String>>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var source = Files.readString(file);
                for (var pattern : WHERE_PROBLEMS_ARE_MADE) {
                    var matcher = pattern.matcher(source);
                    while (matcher.find()) {
                        types.computeIfAbsent(matcher.group(1), k -> new TreeSet<>())
                                .add(file.getFileName().toString());
                    }
                }
            }
        }
        return types;
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = ProblemMessagesTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
