package dev.entitystore.server.v1;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.model.V1EngineDescriptor;
import dev.entitystore.server.engine.EngineComponents;
import java.util.ArrayList;
import java.util.List;

/** The domain's v1 descriptors in the contract's shape, with components when status asks for them. */
final class V1EngineAnswers {
    private final ObjectMapper lenient;

    V1EngineAnswers(ObjectMapper mapper) {
        // An engine's settings hold more than a v1 descriptor shows (v2's log-extraction fields...).
        this.lenient = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    V1EngineDescriptor descriptor(ObjectNode descriptor) {
        return lenient.convertValue(descriptor, V1EngineDescriptor.class);
    }

    List<V1EngineDescriptor> descriptors(List<ObjectNode> descriptors) {
        List<V1EngineDescriptor> answers = new ArrayList<>(descriptors.size());
        descriptors.forEach(descriptor -> answers.add(descriptor(descriptor)));
        return answers;
    }

    List<V1EngineDescriptor> withComponents(String space, List<ObjectNode> descriptors) {
        List<V1EngineDescriptor> answers = descriptors(descriptors);
        answers.forEach(answer -> answer.setComponents(EngineComponents.of(space, answer.getType().toString())));
        return answers;
    }
}
