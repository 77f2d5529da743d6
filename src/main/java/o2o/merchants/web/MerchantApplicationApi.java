package o2o.merchants.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.merchants.Merchant;
import o2o.merchants.MerchantApplication;
import o2o.merchants.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Merchant applications")
class MerchantApplicationApi {

    private final Merchants merchants;

    MerchantApplicationApi(Merchants merchants) {
        this.merchants = merchants;
    }

    /** A business applies to join; an operator decides. The owner account can sign in straight away. */
    @PostMapping("/api/v1/merchant-applications")
    @ResponseStatus(HttpStatus.CREATED)
    Merchant apply(@Valid @RequestBody MerchantApplication application) {
        return merchants.apply(application);
    }
}
