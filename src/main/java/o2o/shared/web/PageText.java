package o2o.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What pages say about problems and times, in the visitor's language. Templates reach it as {@code @pageText}. A page
 * may word a problem differently from the API ({@code page.problem.<slug>}, else the API's {@code problem.<slug>}).
 */
@Component("pageText")
public class PageText {

    /** Pages show times in the platform's zone; a store's own zone is used where one store is concerned. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final MessageSource messages;

    PageText(MessageSource messages) {
        this.messages = messages;
    }

    public String problem(Problem problem) {
        var locale = LocaleContextHolder.getLocale();
        if (problem instanceof InvalidInput) {
            return messages.getMessage("page.problem.invalid-input", new Object[] {problem.getMessage()},
                    problem.getMessage(), locale);
        }
        var api = messages.getMessage(problem.messageKey(), problem.args(), problem.getMessage(), locale);
        return messages.getMessage("page." + problem.messageKey(), problem.args(), api, locale);
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** A page's own wording of a problem where it has one ({@code key}), else {@link #problem}. */
    public String problem(String key, Problem problem, Object... args) {
        return messages.getMessage(key, args, problem(problem), LocaleContextHolder.getLocale());
    }

    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(ZONE));
    }

    public String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    public String date(Instant instant) {
        return DATE.format(instant.atZone(ZONE));
    }
}
