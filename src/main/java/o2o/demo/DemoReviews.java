package o2o.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.orders.ImportedOrder;
import o2o.reviews.ImportedReview;
import o2o.reviews.ReviewContent;
import o2o.reviews.ReviewImport;
import o2o.reviews.Reviews;
import o2o.reviews.Scores;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.springframework.stereotype.Component;

/**
 * Reviews of the showcase merchant's first imported orders, spread over its stores, so store pages and the nearby list
 * show ratings: most with a reply, two low ones flagged (one resolved, one still waiting for its reply).
 */
@Component
class DemoReviews {

    private record Sample(int taste, int environment, int service, String text, String reply, boolean resolved) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample(5, 4, 5, "红烧肉浓油赤酱，肥而不腻，套餐分量很足。", "谢谢喜欢，欢迎常来！", false),
            new Sample(4, 4, 4, "味道正宗，环境干净，周末要排一会儿队。", "周末建议先在线取号，感谢光临。", false),
            new Sample(5, 5, 4, "带爸妈来吃，老人家说是小时候的味道。", "", false),
            new Sample(2, 3, 1, "等了四十分钟才上菜，服务员也不太耐烦。", "非常抱歉，已经加派人手，欢迎再给我们一次机会。", true),
            new Sample(4, 3, 5, "服务很热情，包间有点小。", "感谢建议，包间正在重新布置。", false),
            new Sample(5, 4, 4, "腌笃鲜很鲜，团购很划算。", "谢谢，春笋季还有新菜。", false),
            new Sample(1, 2, 2, "券核销的时候被告知要加钱，体验很差。", "", false),
            new Sample(4, 5, 4, "装修很有老上海的感觉，拍照好看。", "欢迎再来打卡！", false),
            new Sample(5, 4, 5, "八宝鸭要提前订，值得。", "", false));

    private final ReviewImport reviewImport;
    private final Reviews reviews;
    private final Stores stores;

    DemoReviews(ReviewImport reviewImport, Reviews reviews, Stores stores) {
        this.reviewImport = reviewImport;
        this.reviews = reviews;
        this.stores = stores;
    }

    /** Writes the samples for the first of these orders, once: nothing when the merchant has reviews already. */
    void write(StaffPrincipal owner, List<ImportedOrder> orders, List<UUID> ids) {
        var own = stores.visibleTo(owner).stream().map(Store::id).toList();
        if (own.isEmpty() || !reviews.inbox(owner, false, false, null).items().isEmpty()) return;
        var batch = new ArrayList<ImportedReview>();
        for (int i = 0; i < Math.min(SAMPLES.size(), orders.size()); i++) {
            var sample = SAMPLES.get(i);
            var order = orders.get(i);
            var store = own.get(i % own.size());
            batch.add(new ImportedReview(order.merchantId(), new StoreId(store), new OrderId(ids.get(i)),
                    order.customerId(), new ReviewContent(Scores.of(sample.taste(), sample.environment(),
                            sample.service()), sample.text(), List.of()),
                    order.paidAt().plus(Duration.ofHours(2)), sample.reply().isEmpty() ? null : sample.reply(),
                    sample.resolved()));
        }
        reviewImport.importReviews(batch);
    }
}
