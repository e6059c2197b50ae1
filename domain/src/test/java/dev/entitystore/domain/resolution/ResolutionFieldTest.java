package dev.entitystore.domain.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ResolutionFieldTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode obj(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void resolvedToIsReadNestedOrFlatAndNullOrEmptyCountsAsNone() throws Exception {
        assertThat(ResolutionField.resolvedTo(obj("{'entity':{'relationships':{'resolution':{'resolved_to':'t'}}}}")))
                .contains("t");
        assertThat(ResolutionField.resolvedTo(obj("{'entity.relationships.resolution.resolved_to':'t'}"))).contains("t");
        assertThat(ResolutionField.resolvedTo(obj("{'entity':{'relationships':{'resolution':{'resolved_to':null}}}}")))
                .isEmpty();
        assertThat(ResolutionField.resolvedTo(obj("{'entity':{'relationships':{'resolution':{'resolved_to':''}}}}")))
                .isEmpty();
        assertThat(ResolutionField.resolvedTo(obj("{'entity':{'id':'a'}}"))).isEmpty();
    }

    @Test
    void linkWritesTheNestedFieldAndDropsAFlatOne() throws Exception {
        ObjectNode record = obj("{'entity':{'id':'a'},'entity.relationships.resolution.resolved_to':'old'}");
        ResolutionField.link(record, "t");
        assertThat(record.toString()).isEqualTo(
                "{\"entity\":{\"id\":\"a\",\"relationships\":{\"resolution\":{\"resolved_to\":\"t\"}}}}");
    }

    @Test
    void unlinkRemovesTheFieldAndTheObjectsItLeavesEmptyButKeepsSiblings() throws Exception {
        ObjectNode alone = obj("{'entity':{'id':'a','relationships':{'resolution':{'resolved_to':'t'}}}}");
        assertThat(ResolutionField.unlink(alone).toString()).isEqualTo("{\"entity\":{\"id\":\"a\"}}");
        ObjectNode withSiblings = obj("{'entity':{'id':'a','relationships':{'owns':{'ids':['h']},"
                + "'resolution':{'resolved_to':'t','by_manual':{'resolved_at':'x'}}}}}");
        assertThat(ResolutionField.unlink(withSiblings).toString()).isEqualTo("{\"entity\":{\"id\":\"a\",\"relationships\":"
                + "{\"owns\":{\"ids\":[\"h\"]},\"resolution\":{\"by_manual\":{\"resolved_at\":\"x\"}}}}}");
    }

    @Test
    void entityTypeIsTheEngineMetadataType() throws Exception {
        assertThat(ResolutionField.entityType(obj("{'entity':{'EngineMetadata':{'Type':'user'}}}"))).contains("user");
        assertThat(ResolutionField.entityType(obj("{'entity.EngineMetadata.Type':'host'}"))).contains("host");
        assertThat(ResolutionField.entityType(obj("{'entity':{'type':'user'}}"))).isEmpty();
    }
}
