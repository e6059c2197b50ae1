package dev.entitystore.domain.engine;

import dev.entitystore.domain.error.InvalidRequestException;
import java.util.List;

/**
 * Engine settings that break Kibana's rules. The message is Kibana's schema text:
 * {@code [request body]: logExtraction.frequency: must be ...}, issues joined with {@code , }.
 */
public final class InvalidSettingsException extends InvalidRequestException {
    private final List<String> issues;

    public InvalidSettingsException(List<String> issues) {
        super("[request body]: " + String.join(", ", issues));
        this.issues = List.copyOf(issues);
    }

    public List<String> issues() {
        return issues;
    }
}
