package o2o.merchants.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import o2o.identity.Role;
import o2o.identity.StaffMember;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.merchants.Team;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's staff page: owners and managers see the team; who may add or change whom is {@link Team}'s rule
 * (the page offers only what the rule allows). Disabling and enabling from the list is an htmx swap of the row.
 */
@Controller
class TeamConsole {

    private final Team team;
    private final Stores stores;
    private final PageText text;

    TeamConsole(Team team, Stores stores, PageText text) {
        this.team = team;
        this.stores = stores;
        this.text = text;
    }

    @GetMapping("/merchant/staff")
    String list(StaffPrincipal staff, Model model) {
        return list(staff, model, new NewMember("", "", "", Role.CASHIER.name(), List.of()), null);
    }

    @PostMapping("/merchant/staff")
    String add(StaffPrincipal staff, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String role, @RequestParam(required = false) @Nullable List<UUID> storeIds,
            Model model, RedirectAttributes redirect) {
        var form = new NewMember(username, "", displayName, role, storeIds == null ? List.of() : storeIds);
        try {
            var added = team.hire(staff, username.strip(), password, displayName, role(role), Set.copyOf(form.storeIds()));
            redirect.addFlashAttribute("added", added.username());
            return "redirect:/merchant/staff";
        } catch (Problem problem) {
            if (problem.status().value() == 404) throw problem;
            return list(staff, model, form, text.problem(problem));
        }
    }

    @PostMapping("/merchant/staff/{id}/disable")
    String disable(StaffPrincipal staff, @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return toggled(staff, team.disable(staff, id), htmx, model);
    }

    @PostMapping("/merchant/staff/{id}/enable")
    String enable(StaffPrincipal staff, @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return toggled(staff, team.enable(staff, id), htmx, model);
    }

    @GetMapping("/merchant/staff/{id}")
    String member(StaffPrincipal staff, @PathVariable UUID id, Model model) {
        var member = team.member(staff, id);
        return member(staff, member, model, member.displayName(), member.role().name(),
                List.copyOf(member.storeIds()), null);
    }

    @PostMapping("/merchant/staff/{id}")
    String change(StaffPrincipal staff, @PathVariable UUID id, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String role, @RequestParam(required = false) @Nullable List<UUID> storeIds,
            Model model, RedirectAttributes redirect) {
        var chosen = storeIds == null ? List.<UUID>of() : storeIds;
        return edited(staff, id, model, redirect, "saved", () -> team.change(staff, id, displayName, role(role),
                Set.copyOf(chosen)), member -> member(staff, member, model, displayName, role, chosen, null));
    }

    @PostMapping("/merchant/staff/{id}/password")
    String resetPassword(StaffPrincipal staff, @PathVariable UUID id, @RequestParam(defaultValue = "") String password,
            Model model, RedirectAttributes redirect) {
        return edited(staff, id, model, redirect, "passwordReset", () -> team.resetPassword(staff, id, password),
                member -> member(staff, member, model, member.displayName(), member.role().name(),
                        List.copyOf(member.storeIds()), null));
    }

    private String edited(StaffPrincipal staff, UUID id, Model model, RedirectAttributes redirect, String flash,
            Supplier<StaffMember> change, Function<StaffMember, String> form) {
        try {
            change.get();
            redirect.addFlashAttribute(flash, true);
            return "redirect:/merchant/staff/" + id;
        } catch (Problem problem) {
            if (problem.status().value() == 403 || problem.status().value() == 404) throw problem;
            model.addAttribute("errors", List.of(text.problem(problem)));
            return form.apply(team.member(staff, id));
        }
    }

    private String toggled(StaffPrincipal staff, StaffMember member, @Nullable String htmx, Model model) {
        if (htmx == null) return "redirect:/merchant/staff";
        model.addAttribute("m", member);
        model.addAttribute("changeable", Set.of(member.id()));
        model.addAttribute("storeLabels", storeLabels(staff, List.of(member)));
        return "merchants/staff :: member";
    }

    record NewMember(String username, String password, String displayName, String role, List<UUID> storeIds) {}

    private String list(StaffPrincipal staff, Model model, NewMember form, @Nullable String error) {
        var members = team.of(staff);
        model.addAttribute("members", members);
        model.addAttribute("changeable", members.stream().filter(m -> team.mayChange(staff, m))
                .map(StaffMember::id).collect(Collectors.toSet()));
        model.addAttribute("storeLabels", storeLabels(staff, members));
        model.addAttribute("stores", stores.visibleTo(staff));
        model.addAttribute("roles", team.assignableRoles(staff));
        model.addAttribute("form", form);
        if (error != null) model.addAttribute("errors", List.of(error));
        return "merchants/staff";
    }

    private String member(StaffPrincipal staff, StaffMember member, Model model, String displayName, String role,
            List<UUID> storeIds, @Nullable String error) {
        model.addAttribute("m", member);
        model.addAttribute("mayChange", team.mayChange(staff, member));
        model.addAttribute("displayName", displayName);
        model.addAttribute("role", role);
        model.addAttribute("chosenStores", Set.copyOf(storeIds));
        model.addAttribute("stores", stores.visibleTo(staff));
        model.addAttribute("roles", team.assignableRoles(staff));
        if (error != null) model.addAttribute("errors", List.of(error));
        return "merchants/staff-member";
    }

    /** Each member's stores by name; a store this person cannot see shows as "…". */
    private Map<UUID, String> storeLabels(StaffPrincipal staff, List<StaffMember> members) {
        var names = stores.visibleTo(staff).stream().collect(Collectors.toMap(Store::id, Store::name));
        return members.stream().collect(Collectors.toMap(StaffMember::id, m -> m.storeIds().stream()
                .map(id -> names.getOrDefault(id, "…")).sorted().collect(Collectors.joining("、"))));
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("role", "not a staff role");
        }
    }
}
