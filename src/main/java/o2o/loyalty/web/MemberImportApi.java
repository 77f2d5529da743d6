package o2o.loyalty.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.MemberImport;
import o2o.loyalty.MemberImports;
import o2o.shared.MerchantId;
import o2o.shared.Page;
import o2o.shared.Problem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Merchant: member import")
class MemberImportApi {

    private final MemberImports imports;
    private final PageText text;

    MemberImportApi(MemberImports imports, PageText text) {
        this.imports = imports;
        this.text = text;
    }

    /**
     * Imports members from a CSV body ({@code card_number,phone,name,points,balance}); owners and managers only. Rows
     * imported before report as unchanged, so sending the same file again changes nothing.
     */
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    example = "card_number,phone,name,points,balance\nA1001,13800138000,张三,1200,50.00"))))
    @PostMapping(path = "/api/v1/merchant/member-imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    Report run(StaffPrincipal staff, InputStream body,
            @RequestHeader(name = "X-File-Name", required = false) @Nullable String fileName) throws IOException {
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers import members");
        return report(imports.run(staff, fileName, read(body)));
    }

    @GetMapping("/api/v1/merchant/member-imports/{id}")
    Report get(StaffPrincipal staff, @PathVariable UUID id) {
        return report(imports.report(new MerchantId(merchant(staff)), id)
                .orElseThrow(() -> Problem.notFound("member import")));
    }

    @GetMapping("/api/v1/merchant/member-imports")
    Page<Report> list(StaffPrincipal staff, @RequestParam(required = false) @Nullable String cursor) {
        var page = imports.list(merchant(staff), cursor, 20);
        return new Page<>(page.items().stream().map(this::report).toList(), page.next());
    }

    static byte[] read(InputStream body) throws IOException {
        var bytes = body.readNBytes(MemberImports.MAX_BYTES + 1);
        if (bytes.length > MemberImports.MAX_BYTES) {
            throw new Problem(HttpStatus.CONTENT_TOO_LARGE, "import-too-large",
                    "an import takes at most " + MemberImports.MAX_ROWS + " rows and 5 MB", MemberImports.MAX_ROWS);
        }
        return bytes;
    }

    static UUID merchant(StaffPrincipal staff) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers import members");
        }
        return staff.merchantId();
    }

    private Report report(MemberImport i) {
        return new Report(i.id(), i.fileName(), i.createdAt(), i.rows(), i.imported(), i.merged(), i.unchanged(),
                i.rejected(), i.rejections().stream().map(r -> new Rejected(r.line(), r.cardNumber(), r.reason(),
                        text.message("import.reason." + r.reason()))).toList());
    }
}
