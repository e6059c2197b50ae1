package dev.entitystore.domain.merge;

import static dev.entitystore.domain.testing.Json.node;
import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityDefinitions;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.testing.Property;
import dev.entitystore.domain.testing.RandomDocuments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The legacy v1 merge (product rules §3.4, §3.7). */
class CollectMergerTest {
    private final CollectMerger host = new CollectMerger(EntityDefinitions.of(EntityType.HOST), OptionalInt.empty());

    private String merge(CollectMerger merger, String stored, String patch) {
        ObjectNode storedNode = stored == null ? null : obj(stored);
        return merger.merge(storedNode, obj(patch)).toString().replace('"', '\'');
    }

    @Test
    void collectFieldsUnionStoredFirstThenNewValuesNotYetPresent() {
        assertThat(merge(host, "{'host':{'ip':['10.0.0.1','10.0.0.2']}}", "{'host':{'ip':['10.0.0.3','10.0.0.1']}}"))
                .isEqualTo("{'host':{'ip':['10.0.0.1','10.0.0.2','10.0.0.3']}}");
    }

    @Test
    void otherFieldsAreReplaced() {
        assertThat(merge(host, "{'entity':{'name':'a','attributes':{'asset':false}}}",
                "{'entity':{'name':'b','attributes':{'asset':true}}}"))
                .isEqualTo("{'entity':{'name':'b','attributes':{'asset':true}}}");
    }

    @Test
    void untouchedFieldsAreKeptAndMissingObjectsCreated() {
        assertThat(merge(host, "{'entity':{'id':'host:a','name':'a'}}", "{'asset':{'criticality':'low_impact'}}"))
                .isEqualTo("{'entity':{'id':'host:a','name':'a'},'asset':{'criticality':'low_impact'}}");
    }

    @Test
    void nonCollectArraysAreReplacedWholesale() {
        assertThat(merge(host, "{'tags':['a','b']}", "{'tags':['c']}")).isEqualTo("{'tags':['c']}");
    }

    @Test
    void scalarStoredAndScalarNewBecomeAnArray() {
        assertThat(merge(host, "{'host':{'hostname':'a'}}", "{'host':{'hostname':'b'}}"))
                .isEqualTo("{'host':{'hostname':['a','b']}}");
    }

    @Test
    void sameScalarAgainBecomesAOneElementArray() {
        assertThat(merge(host, "{'host':{'hostname':'a'}}", "{'host':{'hostname':'a'}}"))
                .isEqualTo("{'host':{'hostname':['a']}}");
    }

    @Test
    void v1IdentityFieldAndSourceStayScalarsAsV1TypedThem() {
        // Issue 16, item 7: Kibana's v1 left its identity field out of the update script and kept
        // entity.source as a newest value, so the same upsert twice keeps strings.
        assertThat(merge(host, "{'host':{'name':'h'},'entity':{'source':'manual'}}",
                "{'host':{'name':'h'},'entity':{'source':'manual'}}"))
                .isEqualTo("{'host':{'name':'h'},'entity':{'source':'manual'}}");
        assertThat(merge(host, "{'host':{'name':'h'}}", "{'host':{'name':'i'}}")).isEqualTo("{'host':{'name':'i'}}");
    }

    @Test
    void withNothingStoredAScalarIsWrittenAsSent() {
        assertThat(merge(host, null, "{'host':{'name':'a'}}")).isEqualTo("{'host':{'name':'a'}}");
        assertThat(merge(host, "{'host':{'name':null}}", "{'host':{'name':'a'}}")).isEqualTo("{'host':{'name':'a'}}");
    }

    @Test
    void withNothingStoredAnArrayIsDeduplicatedAndCut() {
        CollectMerger limited = new CollectMerger(EntityDefinitions.of(EntityType.HOST), OptionalInt.of(2));
        assertThat(merge(limited, null, "{'host':{'ip':['a','a','b','c']}}")).isEqualTo("{'host':{'ip':['a','b']}}");
    }

    @Test
    void emptyArraysAddNothing() {
        assertThat(merge(host, "{'host':{'ip':['a']}}", "{'host':{'ip':[]}}")).isEqualTo("{'host':{'ip':['a']}}");
        assertThat(merge(host, null, "{'host':{'ip':[]}}")).isEqualTo("{'host':{'ip':[]}}");
    }

    @Test
    void definitionLimitAppliesWithoutEngineSetting() {
        StringBuilder stored = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            stored.append(i == 0 ? "" : ",").append("'w").append(i).append('\'');
        }
        assertThat(merge(host, "{'entity':{'attributes':{'watchlists':[" + stored + "]}}}",
                "{'entity':{'attributes':{'watchlists':['new']}}}"))
                .isEqualTo("{'entity':{'attributes':{'watchlists':[" + stored + "]}}}");
    }

    @Test
    void behaviorsCollectUpToAHundred() {
        ObjectNode stored = obj("{'entity':{'behaviors':{'rule_names':[]}}}");
        ArrayNode names = (ArrayNode) stored.get("entity").get("behaviors").get("rule_names");
        for (int i = 0; i < 99; i++) {
            names.add("r" + i);
        }
        ObjectNode merged = host.merge(stored, obj("{'entity':{'behaviors':{'rule_names':['x','y']}}}"));
        JsonNode result = merged.get("entity").get("behaviors").get("rule_names");
        assertThat(result).hasSize(100);
        assertThat(result.get(99).asText()).isEqualTo("x");
    }

    @Test
    void engineFieldHistoryLengthOverridesTheDefinitionLimit() {
        CollectMerger limited = new CollectMerger(EntityDefinitions.of(EntityType.HOST), OptionalInt.of(3));
        assertThat(merge(limited, "{'host':{'ip':['a','b']}}", "{'host':{'ip':['c','d']}}"))
                .isEqualTo("{'host':{'ip':['a','b','c']}}");
        assertThat(merge(limited, "{'data_stream':{'dataset':['a','b','c','d']}}", "{'data_stream':{'dataset':['e']}}"))
                .isEqualTo("{'data_stream':{'dataset':['a','b','c']}}");
    }

    @Test
    void nonPositiveFieldHistoryLengthIsRefused() {
        assertThatThrownBy(() -> new CollectMerger(EntityDefinitions.of(EntityType.HOST), OptionalInt.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void collectFieldsOfOtherTypesAreReplacedHere() {
        // host.ip collects for a host; for a generic entity it is no destination, so it is replaced.
        CollectMerger generic = new CollectMerger(EntityDefinitions.of(EntityType.GENERIC), OptionalInt.empty());
        assertThat(merge(generic, "{'host':{'ip':['a']}}", "{'host':{'ip':['b']}}")).isEqualTo("{'host':{'ip':['b']}}");
    }

    @Test
    void argumentsAreNotModified() {
        ObjectNode stored = obj("{'host':{'ip':['a']}}");
        ObjectNode patch = obj("{'host':{'ip':['b']}}");
        host.merge(stored, patch);
        assertThat(stored).isEqualTo(obj("{'host':{'ip':['a']}}"));
        assertThat(patch).isEqualTo(obj("{'host':{'ip':['b']}}"));
    }

    @Test
    void unionNeverExceedsTheLimitAndKeepsEveryStoredValueItHasRoomFor() {
        Property.forAllSeeds(seed -> {
            RandomDocuments random = new RandomDocuments(seed);
            int limit = 1 + random.nextInt(6);
            ArrayNode stored = random.stringArray(random.nextInt(9));
            JsonNode incoming = random.nextInt(3) == 0 ? node("'" + random.word() + "'") : random.stringArray(random.nextInt(9));
            JsonNode union = CollectMerger.union(stored, incoming, limit);

            assertThat(union.size()).isLessThanOrEqualTo(limit);
            List<JsonNode> result = new ArrayList<>();
            union.forEach(result::add);
            assertThat(new LinkedHashSet<>(result)).hasSameSizeAs(result);
            Set<JsonNode> distinctStored = new LinkedHashSet<>();
            stored.forEach(distinctStored::add);
            List<JsonNode> keptStored = new ArrayList<>(distinctStored).subList(0, Math.min(limit, distinctStored.size()));
            assertThat(result.subList(0, keptStored.size())).containsExactlyElementsOf(keptStored);
            Set<JsonNode> distinctAll = new LinkedHashSet<>(distinctStored);
            if (incoming.isArray()) {
                incoming.forEach(distinctAll::add);
            } else {
                distinctAll.add(incoming);
            }
            assertThat(result).hasSize(Math.min(limit, distinctAll.size()));
        });
    }

    @Test
    void mergingAPatchTwiceEqualsMergingItOnce() {
        Property.forAllSeeds(seed -> {
            RandomDocuments random = new RandomDocuments(seed);
            CollectMerger merger = new CollectMerger(EntityDefinitions.of(EntityType.HOST),
                    OptionalInt.of(1 + random.nextInt(5)));
            ObjectNode stored = obj("{'host':{}}");
            ((ObjectNode) stored.get("host")).set("ip", random.stringArray(random.nextInt(6)));
            ObjectNode patch = obj("{'host':{},'entity':{}}");
            ((ObjectNode) patch.get("host")).set("ip", random.stringArray(random.nextInt(6)));
            ((ObjectNode) patch.get("entity")).put("name", random.word());
            ObjectNode once = merger.merge(stored, patch);
            assertThat(merger.merge(once, patch)).isEqualTo(once);
        });
    }
}
