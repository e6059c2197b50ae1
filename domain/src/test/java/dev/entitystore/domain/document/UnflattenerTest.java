package dev.entitystore.domain.document;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Kibana's route-level unflattening of flat-dotted keys. */
class UnflattenerTest {

    private static String unflatten(String json) {
        return Unflattener.unflatten(obj(json)).toString().replace('"', '\'');
    }

    @Test
    void laterNestedObjectOverwritesEarlierDottedKey() {
        assertThat(unflatten("{'entity.id':'x','entity':{'name':'y'}}")).isEqualTo("{'entity':{'name':'y'}}");
    }

    @Test
    void laterDottedKeyMergesIntoEarlierObject() {
        assertThat(unflatten("{'entity':{'name':'y'},'entity.id':'x'}"))
                .isEqualTo("{'entity':{'name':'y','id':'x'}}");
    }

    @Test
    void flatBodyBecomesNested() {
        assertThat(unflatten("{'entity.id':'host:flat-update','entity.name':'flat-updated-name','host.name':'flat-update'}"))
                .isEqualTo("{'entity':{'id':'host:flat-update','name':'flat-updated-name'},'host':{'name':'flat-update'}}");
    }

    @Test
    void nestedBodyWithoutDotsIsUnchanged() {
        String nested = "{'entity':{'id':'a','attributes':{'watchlists':['w']}},'host':{'ip':['1','2']}}";
        assertThat(unflatten(nested)).isEqualTo(nested);
    }

    @Test
    void dottedKeysInsideObjectsAreUnflattenedToo() {
        assertThat(unflatten("{'entity':{'attributes.asset':true}}"))
                .isEqualTo("{'entity':{'attributes':{'asset':true}}}");
    }

    @Test
    void objectValueAtDottedPathReplacesWhatWasThere() {
        assertThat(unflatten("{'entity':{'attributes':{'managed':true}},'entity.attributes':{'asset':true}}"))
                .isEqualTo("{'entity':{'attributes':{'asset':true}}}");
    }

    @Test
    void arraysStayArraysAndTheirObjectsAreUnflattened() {
        assertThat(unflatten("{'list':[{'a.b':1},'s',[{'c.d':2}]]}"))
                .isEqualTo("{'list':[{'a':{'b':1}},'s',[{'c':{'d':2}}]]}");
    }

    @Test
    void emptyArraysAndObjectsAreKept() {
        assertThat(unflatten("{'a':[],'b':{},'c.d':{}}")).isEqualTo("{'a':[],'b':{},'c':{'d':{}}}");
    }

    @Test
    void nullsAreWrittenAsNull() {
        assertThat(unflatten("{'entity.name':null}")).isEqualTo("{'entity':{'name':null}}");
    }

    @Test
    void dottedKeyThroughAScalarReplacesTheScalar() {
        assertThat(unflatten("{'a':1,'a.b':2}")).isEqualTo("{'a':{'b':2}}");
    }

    @Test
    void emptyKeySegmentsAreKept() {
        assertThat(unflatten("{'a..b':1}")).isEqualTo("{'a':{'':{'b':1}}}");
    }

    @Test
    void inputIsNotModifiedAndNotShared() {
        ObjectNode input = obj("{'entity':{'name':'y'},'entity.id':'x','list':[{'k':1}]}");
        ObjectNode before = input.deepCopy();
        ObjectNode result = Unflattener.unflatten(input);
        ((ObjectNode) result.get("list").get(0)).put("k", 2);
        ((ObjectNode) result.get("entity")).put("name", "changed");
        assertThat(input).isEqualTo(before);
    }

    @Test
    void unflatteningTwiceChangesNothingMore() {
        ObjectNode once = Unflattener.unflatten(obj("{'a.b':1,'a':{'c.d':2},'e.f.g':[{'h.i':3}]}"));
        assertThat(Unflattener.unflatten(once)).isEqualTo(once);
    }

    @Test
    void aNestedViewIsTheInputItselfWhenNoKeyHoldsADot() {
        ObjectNode nested = obj("{'entity':{'id':'a'},'list':[{'k':1}],'host':{'ip':['1']}}");
        assertThat(Unflattener.nestedView(nested)).isSameAs(nested);
    }

    @Test
    void aNestedViewUnflattensWhenAnyKeyAtAnyDepthHoldsADot() {
        ObjectNode inArray = obj("{'list':[{'k.j':1}]}");
        assertThat(Unflattener.nestedView(inArray)).isEqualTo(Unflattener.unflatten(inArray)).isNotSameAs(inArray);
        ObjectNode deep = obj("{'a':{'b':{'c.d':2}}}");
        assertThat(Unflattener.nestedView(deep)).isEqualTo(obj("{'a':{'b':{'c':{'d':2}}}}"));
    }
}
