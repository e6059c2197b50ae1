package dev.entitystore.domain.profile;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ProfileDataMergeTest {
    private static ObjectNode merged(String stored, String update) {
        ObjectNode target = obj(stored);
        ProfileDataMerge.merge(target, obj(update));
        return target;
    }

    @Test
    void objectsMergeRecursively() {
        assertThat(merged("{'app1':{'theme':'default'}}", "{'app1':{'font':'large'}}"))
                .isEqualTo(obj("{'app1':{'theme':'default','font':'large'}}"));
    }

    @Test
    void arraysAndScalarsReplaceAndNullIsStored() {
        assertThat(merged("{'app1':{'tags':['prod','east'],'k':1,'top':{'inner':{'leaf':'x'}}}}",
                "{'app1':{'tags':['west'],'k':{'now':'object'},'top':null}}"))
                .isEqualTo(obj("{'app1':{'tags':['west'],'k':{'now':'object'},'top':null}}"));
    }

    @Test
    void anEmptyObjectChangesNothingAndUnnamedNamespacesStay() {
        ObjectNode target = obj("{'app1':{'a':1},'app2':{'b':2}}");
        assertThat(ProfileDataMerge.merge(target, obj("{'app1':{}}"))).isFalse();
        assertThat(ProfileDataMerge.merge(target, obj("{'app1':{'a':1}}"))).as("same value").isFalse();
        assertThat(target).isEqualTo(obj("{'app1':{'a':1},'app2':{'b':2}}"));
    }

    @Test
    void theUpdateIsCopiedNotShared() {
        ObjectNode update = obj("{'app1':{'list':[1]}}");
        ObjectNode target = obj("{}");
        ProfileDataMerge.merge(target, update);
        ((com.fasterxml.jackson.databind.node.ArrayNode) update.path("app1").path("list")).add(2);
        assertThat(target).isEqualTo(obj("{'app1':{'list':[1]}}"));
    }
}
