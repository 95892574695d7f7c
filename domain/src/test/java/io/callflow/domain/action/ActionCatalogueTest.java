package io.callflow.domain.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class ActionCatalogueTest {

    @Test
    void every_action_type_has_an_option_definition() {
        assertThat(ActionCatalogue.all()).containsOnlyKeys(ActionType.values());
    }

    @Test
    void types_without_options_take_none() {
        for (ActionType type : List.of(ActionType.ANSWER, ActionType.BEEP, ActionType.BLOCK, ActionType.EMPTY,
                ActionType.EXTERNAL_MEDIA_STOP, ActionType.RECORDING_STOP, ActionType.STOP, ActionType.TRANSCRIBE_STOP)) {
            assertThat(ActionCatalogue.fields(type)).as(type.wireName()).isEmpty();
        }
    }

    @Test
    void every_field_has_a_description() {
        eachField((path, field) -> assertThat(field.description()).as(path).isNotBlank());
    }

    @Test
    void every_integer_field_declares_its_range() {
        eachField((path, field) -> {
            if (field.kind() == OptionKind.INTEGER || field.kind() == OptionKind.INTEGER_LIST) {
                assertThat(field.minimum()).as(path).isNotNull();
                assertThat(field.maximum()).as(path).isNotNull();
                assertThat(field.minimum()).as(path).isLessThanOrEqualTo(field.maximum());
                assertThat(field.maximum()).as(path).isLessThanOrEqualTo(Integer.MAX_VALUE);
            }
        });
    }

    @Test
    void every_default_is_a_value_the_validator_accepts() {
        eachField((path, field) -> {
            JsonNode value = field.defaultValue();
            if (value == null) {
                return;
            }
            assertThat(field.required()).as("%s has a default, so it cannot be required", path).isFalse();
            if (!field.allowed().isEmpty()) {
                assertThat(field.allowed()).as(path).contains(value.asText());
            }
            if (field.kind() == OptionKind.INTEGER) {
                assertThat(value.asLong()).as(path).isBetween(field.minimum(), field.maximum());
            }
            if (field.kind() == OptionKind.BOOLEAN) {
                assertThat(value.isBoolean()).as(path).isTrue();
            }
        });
    }

    @Test
    void defaults_and_ranges_follow_the_reference() {
        assertThat(defaultOf(ActionType.BRANCH, "variable")).isEqualTo("voipbin.call.digits");
        assertThat(defaultOf(ActionType.DIGITS_RECEIVE, "clear")).isEqualTo("true");
        assertThat(defaultOf(ActionType.MUTE, "direction")).isEqualTo("both");
        assertThat(defaultOf(ActionType.UNMUTE, "direction")).isEqualTo("both");
        assertThat(defaultOf(ActionType.HANGUP, "reason")).isEqualTo("normal");
        assertThat(defaultOf(ActionType.CONDITION_DATETIME, "hour")).isEqualTo("-1");
        OptionField duration = ActionCatalogue.field(ActionType.DIGITS_SEND, "duration").orElseThrow();
        assertThat(List.of(duration.minimum(), duration.maximum())).containsExactly(100L, 1000L);
        OptionField interval = ActionCatalogue.field(ActionType.DIGITS_SEND, "interval").orElseThrow();
        assertThat(List.of(interval.minimum(), interval.maximum())).containsExactly(0L, 5000L);
        OptionField sleep = ActionCatalogue.field(ActionType.SLEEP, "duration").orElseThrow();
        assertThat(sleep.maximum()).isEqualTo(86_400_000L);
        assertThat(ActionCatalogue.field(ActionType.CALL, "anonymous").orElseThrow().allowed())
                .containsExactly("", "yes", "no", "auto");
        assertThat(ActionCatalogue.field(ActionType.CONNECT, "anonymous").orElseThrow().allowed())
                .containsExactly("", "yes", "no", "auto");
    }

    @Test
    void only_goto_branch_and_conditions_hold_jump_targets() {
        List<String> targets = new ArrayList<>();
        ActionCatalogue.all().forEach((type, fields) -> fields.stream()
                .filter(f -> f.kind() == OptionKind.ACTION_TARGET || f.kind() == OptionKind.ACTION_TARGET_MAP)
                .forEach(f -> targets.add(type.wireName() + "." + f.name())));

        assertThat(targets).containsExactlyInAnyOrder(
                "branch.target_ids", "branch.default_target_id", "goto.target_id",
                "condition_call_digits.false_target_id", "condition_call_status.false_target_id",
                "condition_datetime.false_target_id", "condition_variable.false_target_id");
    }

    private static String defaultOf(ActionType type, String name) {
        return ActionCatalogue.field(type, name).orElseThrow().defaultValue().asText();
    }

    private static void eachField(BiConsumer<String, OptionField> check) {
        ActionCatalogue.all().forEach((type, fields) -> fields.forEach(field -> walk(type.wireName(), field, check)));
    }

    private static void walk(String parent, OptionField field, BiConsumer<String, OptionField> check) {
        String path = parent + "." + field.name();
        check.accept(path, field);
        field.fields().forEach(nested -> walk(path, nested, check));
    }
}
