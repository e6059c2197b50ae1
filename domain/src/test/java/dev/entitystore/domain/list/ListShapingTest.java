package dev.entitystore.domain.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.store.TestJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the listing does to records and parameters: page-mode post-processing, source filtering, fields, modes. */
class ListShapingTest {
    static ObjectNode json(String text) {
        return TestJson.parse(text);
    }

    @Test
    void recordPostProcessingAsKibana() {
        ObjectNode raw = json("{\"entity\":{\"id\":\"x\",\"attributes\":{\"Privileged\":true,\"MFA_Enabled\":false},"
                + "\"lifecycle\":{\"First_Seen\":\"2024\"},\"behaviors\":[1]},\"entity.name\":\"flat\",\"asset\":{\"criticality\":\"high_impact\",\"owner\":\"me\"}}");
        assertThat(RecordNormalizer.normalize(raw)).isEqualTo(json("{\"entity\":{\"id\":\"x\",\"name\":\"flat\","
                + "\"attributes\":{\"privileged\":true,\"mfa_enabled\":false},\"lifecycle\":{\"first_seen\":\"2024\"},\"behaviors\":[1]},"
                + "\"asset\":{\"criticality\":\"high_impact\"}}"));
        assertThat(RecordNormalizer.normalize(json("{\"asset\":{\"criticality\":\"deleted\",\"owner\":\"me\"}}")))
                .isEqualTo(json("{\"asset\":{\"criticality\":\"deleted\",\"owner\":\"me\"}}"));
        assertThat(RecordNormalizer.normalize(json("{\"asset\":{\"owner\":\"me\"}}"))).isEqualTo(json("{\"asset\":{}}"));
    }

    @Test
    void sourceFilteringIncludesAndExcludes() {
        ObjectNode source = json("{\"entity\":{\"id\":\"x\",\"attributes\":{\"summary\":\"AI\",\"managed\":true}},\"host\":{\"name\":\"h\",\"ip\":[\"1\"]},"
                + "\"list\":[{\"a\":1,\"b\":2}]}");
        assertThat(SourceFilter.filter(source, List.of(), CursorListing.EXCLUDES)).isEqualTo(json(
                "{\"entity\":{\"id\":\"x\",\"attributes\":{\"managed\":true}},\"host\":{\"name\":\"h\",\"ip\":[\"1\"]},\"list\":[{\"a\":1,\"b\":2}]}"));
        assertThat(SourceFilter.filter(source, List.of("entity.id", "host"), CursorListing.EXCLUDES))
                .isEqualTo(json("{\"entity\":{\"id\":\"x\"},\"host\":{\"name\":\"h\",\"ip\":[\"1\"]}}"));
        assertThat(SourceFilter.filter(source, List.of("entity.attr*"), CursorListing.EXCLUDES))
                .isEqualTo(json("{\"entity\":{\"attributes\":{\"managed\":true}}}"));
        assertThat(SourceFilter.filter(source, List.of("list.a"), List.of())).isEqualTo(json("{\"list\":[{\"a\":1}]}"));
        assertThat(SourceFilter.filter(source, List.of("nothing"), List.of())).isEqualTo(json("{}"));
    }

    @Test
    void fieldsAreLeafValuesAsArrays() {
        ObjectNode source = json("{\"entity\":{\"id\":\"x\"},\"host\":{\"ip\":[\"1\",\"2\"],\"name\":\"h\",\"os\":null},\"n\":[{\"v\":1},{\"v\":2}]}");
        assertThat(FieldValues.of(source, List.of("entity.id", "host.ip", "n.v", "missing", "host")))
                .isEqualTo(json("{\"entity.id\":[\"x\"],\"host.ip\":[\"1\",\"2\"],\"n.v\":[1,2]}"));
        assertThat(FieldValues.of(source, List.of("host.*"))).isEqualTo(json("{\"host.ip\":[\"1\",\"2\"],\"host.name\":[\"h\"]}"));
    }

    @Test
    void inspectTextIsJavaScriptsPrettyJson() {
        assertThat(JsStringify.pretty(json("{\"index\":[\"i\"],\"body\":{\"a\":[],\"b\":{},\"c\":1.0,\"d\":\"q\\\"\\n\",\"e\":null}}")))
                .isEqualTo("{\n  \"index\": [\n    \"i\"\n  ],\n  \"body\": {\n    \"a\": [],\n    \"b\": {},\n    \"c\": 1,\n"
                        + "    \"d\": \"q\\\"\\n\",\n    \"e\": null\n  }\n}");
    }

    @Test
    void inspectTextEscapesAsJavaScriptDoes() {
        // Control characters as lowercase \\u00xx, the named escapes by name, plain runs as they are.
        assertThat(JsStringify.pretty(json("{\"k\\\\\":\"ab\\u0001c\\td\\\\e\\u001ff\\b\\f\\r\\u00e9\"}")))
                .isEqualTo("{\n  \"k\\\\\": \"ab\\u0001c\\td\\\\e\\u001ff\\b\\f\\r\u00e9\"\n}");
    }

    @Test
    void modes() {
        assertThat(ListModes.isPageMode(params(null, null, null, null, null, null, List.of()))).isFalse();
        assertThat(ListModes.isPageMode(params(null, null, null, null, null, "", null))).isTrue();
        assertThat(ListModes.isPageMode(params(null, null, null, null, null, null, List.of("host")))).isTrue();
        assertThatThrownBy(() -> ListModes.validate(params("a:b", 1, "[1]", 2, null, null, null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("[request query]: Cannot combine page/per_page with searchAfter, Cannot combine page/per_page with size; "
                        + "use per_page for page mode, Cannot combine KQL `filter` with page search parameters "
                        + "(entity_types, filterQuery, page, per_page, sort_field, sort_order)");
        assertThat(new ListParameters(null, null, null, List.of("a,b", "c"), List.of(), null, null, null, null, null, List.of("host, user")))
                .satisfies(p -> {
                    assertThat(p.source()).containsExactly("a", "b", "c");
                    assertThat(p.fields()).isNull();
                    assertThat(p.entityTypes()).containsExactly("host", "user");
                });
    }

    static ListParameters params(String filter, Integer size, String searchAfter, Integer page, String sortOrder, String filterQuery,
                                 List<String> types) {
        return new ListParameters(filter, size == null ? null : size.longValue(), searchAfter, null, null,
                page == null ? null : page.longValue(), null, null, sortOrder, filterQuery, types);
    }
}
