package o2o.parking.web;

import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.parking.MemberParking;
import o2o.parking.Plates;
import o2o.shared.InvalidInput;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's plates, and their cars' current stays with the fee now and paying it with the mall's points. */
@Controller
class ParkingPages {

    private final Plates plates;
    private final MemberParking parking;

    ParkingPages(Plates plates, MemberParking parking) {
        this.plates = plates;
        this.parking = parking;
    }

    @GetMapping("/me/plates")
    String plates(CustomerPrincipal customer, Model model) {
        model.addAttribute("plates", plates.of(customer));
        return "parking/plates";
    }

    @PostMapping("/me/plates")
    @OnProblem(redirect = "/me/plates", keep = "plate")
    String add(CustomerPrincipal customer, @RequestParam(defaultValue = "") String plate) {
        plates.add(customer, plate);
        return "redirect:/me/plates";
    }

    @PostMapping("/me/plates/delete")
    @OnProblem(redirect = "/me/plates")
    String remove(CustomerPrincipal customer, @RequestParam(defaultValue = "") String plate) {
        plates.remove(customer, plate);
        return "redirect:/me/plates";
    }

    @GetMapping("/me/parking")
    String stays(CustomerPrincipal customer, Model model) {
        model.addAttribute("stays", parking.current(customer));
        model.addAttribute("hasPlates", !plates.of(customer).isEmpty());
        return "parking/stays";
    }

    @PostMapping("/me/parking/sessions/{id}/pay")
    @OnProblem(redirect = "/me/parking")
    String pay(CustomerPrincipal customer, @PathVariable UUID id, @RequestParam(defaultValue = "") String points,
            RedirectAttributes redirect) {
        long typed;
        try {
            typed = Long.parseLong(points.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("points", "a whole number");
        }
        var paid = parking.pay(customer, id, typed);
        redirect.addFlashAttribute("paidPoints", paid.points());
        return "redirect:/me/parking";
    }
}
