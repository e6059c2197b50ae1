package dev.entitystore.domain.merge;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.testing.Property;
import dev.entitystore.domain.testing.RandomDocuments;
import org.junit.jupiter.api.Test;

/** The v2 partial update (product rules §3.7). */
class PartialUpdateMergerTest {
    private final PartialUpdateMerger merger = new PartialUpdateMerger();

    private String merge(String stored, String patch) {
        return merger.merge(obj(stored), obj(patch)).toString().replace('"', '\'');
    }

    @Test
    void objectsMergeRecursivelyAndAbsentFieldsAreKept() {
        assertThat(merge("{'entity':{'id':'host:web-01','name':'web-01','attributes':{'managed':true}},'host':{'name':'web-01'}}",
                "{'entity':{'id':'host:web-01','attributes':{'asset':true}}}"))
                .isEqualTo("{'entity':{'id':'host:web-01','name':'web-01','attributes':{'managed':true,'asset':true}},"
                        + "'host':{'name':'web-01'}}");
    }

    @Test
    void arraysAreReplacedNotUnioned() {
        assertThat(merge("{'entity':{'attributes':{'watchlists':['a']}}}",
                "{'entity':{'attributes':{'watchlists':['crown-jewels']}}}"))
                .isEqualTo("{'entity':{'attributes':{'watchlists':['crown-jewels']}}}");
    }

    @Test
    void scalarsAreReplacedAndStayScalars() {
        String first = merger.merge(obj("{'entity':{'name':'n'}}"), obj("{'entity':{'name':'first-name'}}")).toString();
        assertThat(merge(first.replace('"', '\''), "{'entity':{'name':'second-name'}}"))
                .isEqualTo("{'entity':{'name':'second-name'}}");
    }

    @Test
    void objectReplacesScalarAndScalarReplacesObject() {
        assertThat(merge("{'a':1,'b':{'c':1}}", "{'a':{'x':1},'b':2}")).isEqualTo("{'a':{'x':1},'b':2}");
    }

    @Test
    void newFieldsAreAppended() {
        assertThat(merge("{'a':1}", "{'b':{'c':[1]},'@timestamp':'t'}")).isEqualTo("{'a':1,'b':{'c':[1]},'@timestamp':'t'}");
    }

    @Test
    void emptyPatchObjectChangesNothingButAddsMissingObject() {
        assertThat(merge("{'a':{'b':1}}", "{'a':{}}")).isEqualTo("{'a':{'b':1}}");
        assertThat(merge("{}", "{'a':{}}")).isEqualTo("{'a':{}}");
    }

    @Test
    void nullReplacesLikeAnyScalar() {
        assertThat(merge("{'a':1}", "{'a':null}")).isEqualTo("{'a':null}");
    }

    @Test
    void argumentsAreNotModifiedNorShared() {
        ObjectNode stored = obj("{'a':{'b':1}}");
        ObjectNode patch = obj("{'a':{'c':[1]}}");
        ObjectNode merged = merger.merge(stored, patch);
        ((com.fasterxml.jackson.databind.node.ArrayNode) merged.get("a").get("c")).add(2);
        assertThat(stored).isEqualTo(obj("{'a':{'b':1}}"));
        assertThat(patch).isEqualTo(obj("{'a':{'c':[1]}}"));
    }

    @Test
    void mergeInPlaceModifiesTheTarget() {
        ObjectNode target = obj("{'a':{'b':1}}");
        assertThat(merger.mergeInPlace(target, obj("{'a':{'c':2}}"))).isSameAs(target);
        assertThat(target).isEqualTo(obj("{'a':{'b':1,'c':2}}"));
    }

    @Test
    void mergingAPatchTwiceEqualsMergingItOnce() {
        Property.forAllSeeds(seed -> {
            RandomDocuments random = new RandomDocuments(seed);
            ObjectNode stored = random.object(4);
            ObjectNode patch = random.object(4);
            ObjectNode once = merger.merge(stored, patch);
            assertThat(merger.merge(once, patch)).isEqualTo(once);
        });
    }

    @Test
    void everyPatchLeafIsInTheResult() {
        Property.forAllSeeds(seed -> {
            RandomDocuments random = new RandomDocuments(seed);
            ObjectNode patch = random.object(4);
            ObjectNode merged = merger.merge(random.object(4), patch);
            dev.entitystore.domain.document.Flattener.flatten(patch).forEach((path, value) ->
                    assertThat(dev.entitystore.domain.entity.FieldPath.get(merged, path)).as(path).isEqualTo(value));
        });
    }
}
