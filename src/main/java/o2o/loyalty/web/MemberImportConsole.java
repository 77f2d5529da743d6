package o2o.loyalty.web;

import java.io.IOException;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.loyalty.MemberImports;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The merchant console's member import: upload a CSV, read the report with the rejected rows. */
@Controller
class MemberImportConsole {

    private final MemberImports imports;

    MemberImportConsole(MemberImports imports) {
        this.imports = imports;
    }

    @GetMapping("/merchant/members/import")
    String form(StaffPrincipal staff, Model model) {
        model.addAttribute("imports", imports.list(MemberImportApi.merchant(staff), null, 20).items());
        return "loyalty/import";
    }

    @PostMapping("/merchant/members/import")
    @OnProblem(render = "form", errorPage = 403)
    String upload(StaffPrincipal staff, @RequestParam("file") MultipartFile file) throws IOException {
        MemberImportApi.merchant(staff);
        if (file.isEmpty()) throw new InvalidInput("file", "choose a CSV file");
        var done = imports.run(staff, file.getOriginalFilename(), MemberImportApi.read(file.getInputStream()));
        return "redirect:/merchant/members/import/" + done.id();
    }

    @GetMapping("/merchant/members/import/{id}")
    String report(StaffPrincipal staff, @PathVariable UUID id, Model model) {
        model.addAttribute("report", imports.report(new MerchantId(MemberImportApi.merchant(staff)), id)
                .orElseThrow(() -> Problem.notFound("member import")));
        return "loyalty/import-report";
    }
}
