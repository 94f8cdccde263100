package io.tongban.sandbox.applications;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DecisionDeskTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    @DisplayName("PT0S: each SQBH decided once, numbered 1..n in order, the listener told of each; repeats get the first receipt")
    void decidesEachApplicationOnceInOrder() {
        List<Decision> heard = new CopyOnWriteArrayList<>();
        try (DecisionDesk desk = new DecisionDesk("test", "TSL", a -> a.number().startsWith("ok")
                ? Verdict.approve(Map.of("ZZBH", "Z-" + a.number())) : Verdict.reject("NO", "不予办理", "依据"),
                heard::add, Duration.ZERO, CLOCK)) {
            String first = desk.receive(application("ok-1"));
            assertThat(first).isEqualTo("TSL20261124000001");
            desk.receive(application("no-2"));
            assertThat(desk.receive(application("ok-1"))).isEqualTo(first);
            desk.receive(application("ok-3"));
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 3);

            assertThat(heard).extracting(Decision::sequence).containsExactly(1L, 2L, 3L);
            assertThat(heard).extracting(d -> d.application().number()).containsExactly("ok-1", "no-2", "ok-3");
            assertThat(heard.get(0).results()).containsEntry("ZZBH", "Z-ok-1");
            assertThat(heard.get(1).approved()).isFalse();
            assertThat(heard.get(1).reasons()).containsExactly(new Decision.Reason("NO", "不予办理", "依据"));
            assertThat(heard.get(2).receipt()).isEqualTo("TSL20261124000003");
            assertThat(heard.get(0).decidedAt().toString()).isEqualTo("2026-11-24T10:00+08:00");

            assertThat(desk.after(0, 2)).isEqualTo(heard.subList(0, 2));
            assertThat(desk.after(2, 100)).isEqualTo(heard.subList(2, 3));
            assertThat(desk.after(3, 100)).isEmpty();
            assertThat(desk.after(99, 100)).isEmpty();
            assertThat(desk.after(0, 0)).isEmpty();

            ApplicationCounts counts = desk.counts();
            assertThat(counts.receipts()).containsEntry("ok-1", 2).containsEntry("no-2", 1);
            assertThat(counts.received()).isEqualTo(3);
            assertThat(counts.deliveries()).isEqualTo(4);
            assertThat(counts.decided()).isEqualTo(3);
            assertThat(counts.decidedTwice()).isZero();
        }
    }

    @Test
    @DisplayName("nothing is decided before the delay; closing stops the scheduler with the decision still pending")
    void decidesAfterTheDelayOnly() throws Exception {
        DecisionDesk desk = new DecisionDesk("test", "TSL", a -> Verdict.approve(Map.of()), d -> { },
                Duration.ofSeconds(30), CLOCK);
        desk.receive(application("later"));
        Thread.sleep(100);
        desk.close();
        assertThat(desk.after(0, 10)).isEmpty();
        assertThat(desk.counts().decided()).isZero();
    }

    @Test
    @DisplayName("an application needs SQBH and SXBM; missing fields read as empty")
    void applicationNeedsNumberAndMatter() {
        assertThatThrownBy(() -> new Application(" ", "m", Map.of())).hasMessageContaining("SQBH");
        assertThatThrownBy(() -> new Application("n", null, Map.of())).hasMessageContaining("SXBM");
        Map<String, String> fields = new java.util.HashMap<>();
        fields.put("XM", null);
        Application application = new Application(" n ", "m", fields);
        assertThat(application.number()).isEqualTo("n");
        assertThat(application.field("XM")).isEmpty();
        assertThat(application.field("QYMC")).isEmpty();
    }

    @Test
    @DisplayName("REST pages: defaults 0 and 100, limit 1..500 or refused; SOAP pages: both required, ZDTS capped at 500")
    void feedPages() {
        assertThat(FeedPage.of(Map.of())).isEqualTo(new FeedPage(0, 100));
        assertThat(FeedPage.of(Map.of("after", "", "limit", ""))).isEqualTo(new FeedPage(0, 100));
        assertThat(FeedPage.of(Map.of("after", "7", "limit", "500"))).isEqualTo(new FeedPage(7, 500));
        for (Map<String, String> bad : List.of(Map.of("limit", "0"), Map.of("limit", "501"), Map.of("after", "-1"),
                Map.of("after", "x"), Map.of("limit", "99999999999999999999"))) {
            assertThatThrownBy(() -> FeedPage.of(bad)).as(bad.toString()).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(FeedPage.capped("3", "100000")).isEqualTo(new FeedPage(3, 500));
        assertThat(FeedPage.capped(" 0 ", "0")).isEqualTo(new FeedPage(0, 0));
        assertThatThrownBy(() -> FeedPage.capped("", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedPage.capped("0", null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Application application(String number) {
        return new Application(number, "residence-permit", Map.of());
    }
}
