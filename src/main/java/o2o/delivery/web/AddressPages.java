package o2o.delivery.web;

import java.util.UUID;

import o2o.delivery.AddressBook;
import o2o.identity.CustomerPrincipal;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's address book: the list, adding one (its coordinates from the phone's location or typed), removing
 * one. The delivery page and a mall's cart add through here too and come back ({@code next}, a page of this site only).
 */
@Controller
class AddressPages {

    private final AddressBook addresses;

    AddressPages(AddressBook addresses) {
        this.addresses = addresses;
    }

    @GetMapping("/me/addresses")
    String list(CustomerPrincipal customer, Model model) {
        model.addAttribute("addresses", addresses.of(customer));
        return "delivery/addresses";
    }

    @PostMapping("/me/addresses")
    @OnProblem(redirect = "/me/addresses#new-address", keep = {"label", "contact", "phone", "address", "lat", "lng", "next"})
    String add(CustomerPrincipal customer, @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String lat,
            @RequestParam(defaultValue = "") String lng, @RequestParam(defaultValue = "") String next) {
        var back = (next.startsWith("/stores/") || next.startsWith("/malls/")) && !next.contains("?") ? next
                : "/me/addresses";
        var added = addresses.add(customer, new AddressBook.Entry(label, contact, phone, address,
                new GeoPoint(degrees("lat", lat), degrees("lng", lng))));
        return "redirect:" + back + (back.equals("/me/addresses") ? "" : "?addressId=" + added.id());
    }

    @PostMapping("/me/addresses/{id}/delete")
    @OnProblem(redirect = "/me/addresses", errorPage = 404)
    String remove(CustomerPrincipal customer, @PathVariable UUID id) {
        addresses.remove(customer, id);
        return "redirect:/me/addresses";
    }

    private static double degrees(String field, String typed) {
        try {
            return Double.parseDouble(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "use the phone's location or type the coordinates");
        }
    }
}
