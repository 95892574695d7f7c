package io.callflow.app.admin;

import io.callflow.projection.ActiveflowProjection;
import io.callflow.projection.CallProjection;
import io.callflow.projection.FlowProjection;
import io.callflow.projection.NumberProjection;
import io.callflow.projection.TrunkProjection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * A projection that can be rebuilt beside the live one: its name in the admin API, the processing group
 * that keeps it current, the tables it owns, and how to make a second instance of its event handlers.
 *
 * @param tables   every table the projection writes, and nothing it does not own
 * @param handlers a fresh projection instance writing through the given {@link DSLContext}
 */
public record RebuildableProjection(String name, String processingGroup, List<String> tables,
                                    Function<DSLContext, Object> handlers) {

    public static final List<RebuildableProjection> ALL = List.of(
            new RebuildableProjection("activeflows", ActiveflowProjection.GROUP,
                    List.of("activeflows", "activeflow_actions", "activeflow_variables"), ActiveflowProjection::new),
            new RebuildableProjection("flows", FlowProjection.GROUP, List.of("flows", "flow_versions"),
                    FlowProjection::new),
            new RebuildableProjection("calls", CallProjection.GROUP, List.of("calls", "recordings"),
                    CallProjection::new),
            new RebuildableProjection("numbers", NumberProjection.GROUP, List.of("numbers"), NumberProjection::new),
            new RebuildableProjection("trunks", TrunkProjection.GROUP, List.of("trunks"), TrunkProjection::new));

    public static Optional<RebuildableProjection> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(RebuildableProjection::name).toList();
    }
}
