package io.callflow.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency table of DESIGN.md, enforced. */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.callflow");
    }

    @Test
    void domain_depends_on_no_other_module_and_not_on_spring() {
        noClasses().that().resideInAPackage("io.callflow.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callflow.engine..", "io.callflow.command..",
                        "io.callflow.projection..", "io.callflow.query..", "io.callflow.app..", "org.springframework..")
                .check(classes);
    }

    @Test
    void flow_engine_depends_only_on_domain() {
        noClasses().that().resideInAPackage("io.callflow.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callflow.command..", "io.callflow.projection..",
                        "io.callflow.query..", "io.callflow.app..")
                .check(classes);
    }

    @Test
    void the_interpreter_is_pure_no_framework_no_io() {
        noClasses().that().resideInAPackage("io.callflow.engine.interpreter..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..",
                        "java.net..", "java.sql..", "java.io..")
                .check(classes);
    }

    @Test
    void the_replay_is_pure_no_framework_no_io() {
        noClasses().that().resideInAPackage("io.callflow.engine.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..",
                        "java.net..", "java.sql..", "java.io..")
                .check(classes);
    }

    @Test
    void command_side_depends_on_domain_and_the_flow_engine_only() {
        noClasses().that().resideInAPackage("io.callflow.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callflow.projection..", "io.callflow.query..",
                        "io.callflow.app..")
                .check(classes);
    }

    @Test
    void projections_depend_on_domain_only() {
        noClasses().that().resideInAPackage("io.callflow.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callflow.engine..", "io.callflow.command..",
                        "io.callflow.query..", "io.callflow.app..")
                .check(classes);
    }

    /** The interpreter and its replay, for the audit endpoints (docs/decisions/0002); never effects or chains. */
    @Test
    void query_side_depends_on_domain_projections_and_the_interpreter_only() {
        noClasses().that().resideInAPackage("io.callflow.query..")
                .should().dependOnClassesThat(resideInAnyPackage("io.callflow.command..", "io.callflow.app..")
                        .or(resideInAPackage("io.callflow.engine..").and(not(resideInAnyPackage(
                                "io.callflow.engine.interpreter..", "io.callflow.engine.replay..")))))
                .check(classes);
    }

    @Test
    void media_adapter_depends_on_domain_only() {
        noClasses().that().resideInAPackage("io.callflow.media..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callflow.engine..", "io.callflow.command..",
                        "io.callflow.projection..", "io.callflow.query..", "io.callflow.app..",
                        "org.springframework..")
                .check(classes);
    }

    /**
     * SIP, RTP, the mixer, audio, speech and thread scheduling know nothing of events: only the calls package joins
     * them to Axon.
     */
    @Test
    void the_media_edge_and_core_know_no_framework() {
        noClasses().that().resideInAnyPackage("io.callflow.media.sip..", "io.callflow.media.rtp..",
                        "io.callflow.media.mixer..", "io.callflow.media.audio..", "io.callflow.media.tts..",
                        "io.callflow.media.scheduling..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "io.callflow.media.calls..")
                .check(classes);
    }

    @Test
    void only_the_app_reaches_into_the_media_adapter() {
        noClasses().that().resideInAnyPackage("io.callflow.domain..", "io.callflow.engine..", "io.callflow.command..",
                        "io.callflow.projection..", "io.callflow.query..")
                .should().dependOnClassesThat().resideInAPackage("io.callflow.media..")
                .check(classes);
    }
}
