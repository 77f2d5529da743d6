package o2o.malls.web;

import java.util.List;

import o2o.malls.MallStatement;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import org.springframework.stereotype.Component;

/** Statements with their tenants' names, for the API and the pages (one read of the merchants for a list). */
@Component
class StatementViews {

    private final Merchants merchants;

    StatementViews(Merchants merchants) {
        this.merchants = merchants;
    }

    List<StatementResponse> of(List<MallStatement> statements) {
        var names = merchants.findAll(statements.stream().map(s -> s.tenant().value()).distinct().toList());
        return statements.stream().map(s -> StatementResponse.of(s, name(names.get(s.tenant().value())))).toList();
    }

    StatementResponse of(MallStatement statement) {
        return of(List.of(statement)).getFirst();
    }

    private static String name(Merchant merchant) {
        return merchant == null ? "" : merchant.name();
    }
}
