package io.callflow.app.admin;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** Admin only: rebuild a projection from the event store while the query API keeps answering from the old rows. */
@RestController
public class ProjectionRebuildController {
    private final ProjectionRebuilder rebuilder;

    public ProjectionRebuildController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    /** 202 with the new rebuild's progress; 409 while one of the same projection runs. */
    @PostMapping("/v1/admin/projections/{name}/rebuild")
    public ResponseEntity<RebuildProgress> start(@PathVariable("name") String name,
                                                 @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        requireAdmin(caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilder.start(name));
    }

    /** The latest rebuild of the projection since the app started. */
    @GetMapping("/v1/admin/projections/{name}/rebuild")
    public RebuildProgress progress(@PathVariable("name") String name,
                                    @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        requireAdmin(caller);
        return rebuilder.progress(name).orElseThrow(() -> new NotFound("rebuild of projection " + name));
    }

    /** Like the other admin resources: to anyone else they do not exist. */
    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new NotFound("resource");
        }
    }
}
