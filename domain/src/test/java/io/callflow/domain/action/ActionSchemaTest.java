package io.callflow.domain.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ActionSchemaTest {

    private final ObjectNode schema = ActionSchema.document();

    @Test
    void the_schema_is_draft_2020_12_and_closed() {
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(names(schema.path("properties"))).containsExactlyElementsOf(ActionsValidator.ACTION_FIELDS);
        assertThat(texts(schema.path("required"))).containsExactly("type");
    }

    @Test
    void the_schema_lists_every_action_type_in_the_type_enum_and_in_defs() {
        List<String> wireNames = Arrays.stream(ActionType.values()).map(ActionType::wireName).toList();

        assertThat(texts(schema.at("/properties/type/enum"))).containsExactlyElementsOf(wireNames);
        assertThat(names(schema.path("$defs"))).containsExactlyElementsOf(wireNames);
        assertThat(schema.path("allOf")).hasSize(wireNames.size());
    }

    @Test
    void each_type_option_schema_has_the_catalogue_fields_and_required_list() {
        ActionCatalogue.all().forEach((type, fields) -> {
            JsonNode def = schema.path("$defs").path(type.wireName());

            assertThat(def.path("type").asText()).as(type.wireName()).isEqualTo("object");
            assertThat(def.path("additionalProperties").asBoolean(true)).as(type.wireName()).isFalse();
            assertThat(names(def.path("properties"))).as(type.wireName())
                    .containsExactlyElementsOf(fields.stream().map(OptionField::name).toList());
            assertThat(texts(def.path("required"))).as(type.wireName())
                    .containsExactlyElementsOf(fields.stream().filter(OptionField::required).map(OptionField::name).toList());
        });
    }

    @Test
    void enums_ranges_and_defaults_in_the_schema_agree_with_the_catalogue() {
        ActionCatalogue.all().forEach((type, fields) -> fields.forEach(field -> {
            String where = type.wireName() + "." + field.name();
            JsonNode property = schema.path("$defs").path(type.wireName()).path("properties").path(field.name());
            JsonNode value = valueBranch(property);

            assertThat(property.path("description").asText()).as(where).startsWith(field.description());
            if (field.defaultValue() != null) {
                assertThat(property.path("default")).as(where).isEqualTo(field.defaultValue());
            }
            if (field.kind() == OptionKind.STRING && !field.allowed().isEmpty()) {
                assertThat(texts(value.path("enum"))).as(where).containsExactlyElementsOf(field.allowed());
            }
            if (field.kind() == OptionKind.INTEGER) {
                assertThat(value.path("type").asText()).as(where).isEqualTo("integer");
                assertThat(value.path("minimum").asLong()).as(where).isEqualTo(field.minimum());
                assertThat(value.path("maximum").asLong()).as(where).isEqualTo(field.maximum());
            }
            if (field.maxLength() != null && field.kind() == OptionKind.STRING) {
                assertThat(value.path("maxLength").asInt()).as(where).isEqualTo(field.maxLength());
            }
            if (field.kind().acceptsTemplate() && field.kind() != OptionKind.STRING_LIST
                    && field.kind() != OptionKind.INTEGER_LIST && property.has("anyOf")) {
                assertThat(property.at("/anyOf/1/pattern").asText()).as(where).isEqualTo("\\$\\{");
            }
        }));
    }

    @Test
    void options_of_a_type_are_bound_to_that_type() {
        JsonNode rule = StreamSupport.stream(schema.path("allOf").spliterator(), false)
                .filter(r -> r.at("/if/properties/type/const").asText().equals("goto"))
                .findFirst().orElseThrow();

        assertThat(rule.at("/then/properties/option/$ref").asText()).isEqualTo("#/$defs/goto");
    }

    @Test
    void every_reference_in_the_schema_resolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(schema, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#");
            assertThat(schema.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
        assertThat(refs).contains("#"); // call.actions nests whole actions
    }

    @Test
    void document_returns_a_copy_callers_may_change() {
        ActionSchema.document().put("title", "changed");

        assertThat(ActionSchema.document().path("title").asText()).isEqualTo("Flow action");
    }

    /** The branch of a property that holds its own rules, skipping the ${variable} alternative. */
    private static JsonNode valueBranch(JsonNode property) {
        return property.has("anyOf") ? property.path("anyOf").path(0) : property;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
