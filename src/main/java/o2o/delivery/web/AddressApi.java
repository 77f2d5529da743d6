package o2o.delivery.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.delivery.Address;
import o2o.delivery.AddressBook;
import o2o.identity.CustomerPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A customer's delivery addresses. */
@RestController
@Tag(name = "Delivery addresses")
class AddressApi {

    private final AddressBook book;

    AddressApi(AddressBook book) {
        this.book = book;
    }

    record AddressResponse(UUID id, String label, String contact, String phone, String address, double lat,
            double lng) {

        static AddressResponse of(Address a) {
            return new AddressResponse(a.id(), a.label(), a.contact(), a.phone(), a.address(), a.point().lat(),
                    a.point().lng());
        }
    }

    @GetMapping("/api/v1/me/addresses")
    List<AddressResponse> list(CustomerPrincipal customer) {
        return book.of(customer).stream().map(AddressResponse::of).toList();
    }

    @GetMapping("/api/v1/me/addresses/{id}")
    AddressResponse get(CustomerPrincipal customer, @PathVariable UUID id) {
        return AddressResponse.of(book.get(customer, id));
    }

    @PostMapping("/api/v1/me/addresses")
    @ResponseStatus(HttpStatus.CREATED)
    AddressResponse add(CustomerPrincipal customer, @Valid @RequestBody AddressRequest request) {
        return AddressResponse.of(book.add(customer, request.entry()));
    }

    @PutMapping("/api/v1/me/addresses/{id}")
    AddressResponse change(CustomerPrincipal customer, @PathVariable UUID id,
            @Valid @RequestBody AddressRequest request) {
        return AddressResponse.of(book.change(customer, id, request.entry()));
    }

    @DeleteMapping("/api/v1/me/addresses/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(CustomerPrincipal customer, @PathVariable UUID id) {
        book.remove(customer, id);
    }
}
