package io.callflow.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void beyond_its_capacity_the_least_recently_used_entry_goes() {
        BoundedCache cache = new BoundedCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(expired).containsExactly("b");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void entries_stay_until_removed_however_much_garbage_is_collected() {
        BoundedCache cache = new BoundedCache(10);
        cache.put("call", new Object());
        System.gc();
        assertThat(cache.containsKey("call")).isTrue();
        assertThat(cache.remove("call")).isTrue();
        assertThat(cache.remove("call")).isFalse();
        assertThat((Object) cache.get("call")).isNull();
    }

    @Test
    void put_if_absent_and_compute_keep_an_existing_entry() {
        BoundedCache cache = new BoundedCache(10);
        assertThat(cache.putIfAbsent("k", 1)).isTrue();
        assertThat(cache.putIfAbsent("k", 2)).isFalse();
        assertThat((Integer) cache.computeIfAbsent("k", () -> 3)).isEqualTo(1);
        cache.<Integer>computeIfPresent("k", v -> v + 10);
        assertThat((Integer) cache.get("k")).isEqualTo(11);
        cache.removeAll();
        assertThat(cache.containsKey("k")).isFalse();
    }
}
