package o2o.merchants.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.identity.Role;
import o2o.identity.StaffMember;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.merchants.Team;
import o2o.shared.InvalidInput;
import o2o.shared.web.OnProblem;
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

    TeamConsole(Team team, Stores stores) {
        this.team = team;
        this.stores = stores;
    }

    @GetMapping("/merchant/staff")
    String list(StaffPrincipal staff, Model model) {
        return list(staff, model, new NewMember("", "", "", Role.CASHIER.name(), List.of()));
    }

    @PostMapping("/merchant/staff")
    @OnProblem(render = "hireForm", errorPage = 404)
    String add(StaffPrincipal staff, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String role, @RequestParam(required = false) @Nullable List<UUID> storeIds,
            RedirectAttributes redirect) {
        var chosen = storeIds == null ? Set.<UUID>of() : Set.copyOf(storeIds);
        var added = team.hire(staff, username.strip(), password, displayName, role(role), chosen);
        redirect.addFlashAttribute("added", added.username());
        return "redirect:/merchant/staff";
    }

    /** The list with the form as it was typed, the password left out. */
    String hireForm(StaffPrincipal staff, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String role,
            @RequestParam(required = false) @Nullable List<UUID> storeIds, Model model) {
        return list(staff, model, new NewMember(username, "", displayName, role, storeIds == null ? List.of() : storeIds));
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
        return memberPage(staff, member, model, member.displayName(), member.role().name(),
                List.copyOf(member.storeIds()));
    }

    @PostMapping("/merchant/staff/{id}")
    @OnProblem(render = "changeForm")
    String change(StaffPrincipal staff, @PathVariable UUID id, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String role, @RequestParam(required = false) @Nullable List<UUID> storeIds,
            RedirectAttributes redirect) {
        team.change(staff, id, displayName, role(role), storeIds == null ? Set.of() : Set.copyOf(storeIds));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/merchant/staff/" + id;
    }

    String changeForm(StaffPrincipal staff, @PathVariable UUID id, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String role, @RequestParam(required = false) @Nullable List<UUID> storeIds,
            Model model) {
        return memberPage(staff, team.member(staff, id), model, displayName, role,
                storeIds == null ? List.of() : storeIds);
    }

    @PostMapping("/merchant/staff/{id}/password")
    @OnProblem(render = "member")
    String resetPassword(StaffPrincipal staff, @PathVariable UUID id, @RequestParam(defaultValue = "") String password,
            RedirectAttributes redirect) {
        team.resetPassword(staff, id, password);
        redirect.addFlashAttribute("passwordReset", true);
        return "redirect:/merchant/staff/" + id;
    }

    private String toggled(StaffPrincipal staff, StaffMember member, @Nullable String htmx, Model model) {
        if (htmx == null) return "redirect:/merchant/staff";
        model.addAttribute("m", member);
        model.addAttribute("changeable", Set.of(member.id()));
        model.addAttribute("storeLabels", storeLabels(staff, List.of(member)));
        return "merchants/staff :: member";
    }

    private String list(StaffPrincipal staff, Model model, NewMember form) {
        var members = team.of(staff);
        model.addAttribute("members", members);
        model.addAttribute("changeable", members.stream().filter(m -> team.mayChange(staff, m))
                .map(StaffMember::id).collect(Collectors.toSet()));
        model.addAttribute("storeLabels", storeLabels(staff, members));
        model.addAttribute("stores", stores.visibleTo(staff));
        model.addAttribute("roles", team.assignableRoles(staff));
        model.addAttribute("form", form);
        return "merchants/staff";
    }

    private String memberPage(StaffPrincipal staff, StaffMember member, Model model, String displayName, String role,
            List<UUID> storeIds) {
        model.addAttribute("m", member);
        model.addAttribute("mayChange", team.mayChange(staff, member));
        model.addAttribute("displayName", displayName);
        model.addAttribute("role", role);
        model.addAttribute("chosenStores", Set.copyOf(storeIds));
        model.addAttribute("stores", stores.visibleTo(staff));
        model.addAttribute("roles", team.assignableRoles(staff));
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
