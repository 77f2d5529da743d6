package o2o.payments.web;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.payments.web.GatewayForm.Kind;
import org.jspecify.annotations.Nullable;

/** @param mode the verification mode the field belongs to; null when every mode needs it */
@Schema(name = "GatewayFormField")
record Field(String name, Kind kind, @Nullable String mode) {

    public boolean secret() {
        return kind != Kind.TEXT;
    }

    public boolean multiline() {
        return kind == Kind.PEM || kind == Kind.PEM_LIST;
    }

    public boolean list() {
        return kind == Kind.PEM_LIST;
    }
}
