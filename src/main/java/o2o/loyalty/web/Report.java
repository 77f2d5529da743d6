package o2o.loyalty.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "MemberImportReport")
record Report(UUID id, @Nullable String fileName, Instant createdAt, int rows, int imported, int merged,
        int unchanged, int rejected, List<Rejected> rejections) {}
