package o2o.malls.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.malls.MallId;
import o2o.malls.Malls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Anyone may read the malls and each one's directory: floors and tenants. */
@RestController
@Tag(name = "Malls")
class MallDirectoryApi {

    private final Malls malls;
    private final MallViews views;

    MallDirectoryApi(Malls malls, MallViews views) {
        this.malls = malls;
        this.views = views;
    }

    @GetMapping("/api/v1/malls")
    List<MallResponse> all() {
        return malls.all().stream().map(views::of).toList();
    }

    @GetMapping("/api/v1/malls/{id}")
    MallResponse one(@PathVariable UUID id) {
        return views.of(malls.get(new MallId(id)));
    }
}
