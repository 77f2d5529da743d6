package o2o.reviews.web;

import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.reviews.Reviews;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's side: the review form of a used purchase, the order page's box that links to it (or shows the review
 * written), and the store page's reviews with the average and count. The boxes are fragments the order and store pages
 * load, so those modules need not know this one.
 */
@Controller
class ReviewPages {

    private final Reviews reviews;

    ReviewPages(Reviews reviews) {
        this.reviews = reviews;
    }

    /** Fragment of the order page: the review written, or a link to write one once the purchase was used. */
    @GetMapping("/me/orders/{id}/review-box")
    String box(CustomerPrincipal customer, @PathVariable UUID id, Model model) {
        var order = new OrderId(id);
        var written = reviews.ofOrder(customer, order);
        model.addAttribute("orderId", id);
        model.addAttribute("review", written.orElse(null));
        model.addAttribute("reviewable", written.isEmpty() && reviews.reviewable(customer, order));
        return "reviews/box :: box";
    }

    @GetMapping("/me/orders/{id}/review")
    String form(CustomerPrincipal customer, @PathVariable UUID id, @ModelAttribute("form") ReviewForm form,
            Model model) {
        var order = new OrderId(id);
        model.addAttribute("orderId", id);
        var written = reviews.ofOrder(customer, order);
        model.addAttribute("review", written.orElse(null));
        model.addAttribute("notYet", written.isEmpty() && !reviews.reviewable(customer, order));
        if (form.taste() == null && form.text() == null) model.addAttribute("form", ReviewForm.blank());
        return "reviews/form";
    }

    @PostMapping("/me/orders/{id}/review")
    @OnProblem(render = "form", errorPage = 404)
    String post(CustomerPrincipal customer, @PathVariable UUID id, @ModelAttribute("form") ReviewForm form) {
        reviews.post(customer, new OrderId(id), form.content());
        return "redirect:/me/orders/" + id + "/review";
    }

    /** Fragment of the store page: the average and count, and the newest reviews (more by cursor). */
    @GetMapping("/stores/{id}/reviews")
    String ofStore(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("storeId", id);
        model.addAttribute("reviews", reviews.ofStore(new StoreId(id), cursor));
        model.addAttribute("first", cursor == null);
        return "reviews/store :: reviews";
    }
}
