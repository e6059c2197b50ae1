package dev.entitystore.domain.write;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Route-level schema failures: {@code [request body]: ...}. */
class RequestBodyValidatorTest {
    private final RequestBodyValidator validator = new RequestBodyValidator();

    @Test
    void validFlatBodyPasses() {
        assertThatCode(() -> validator.validate(EntityType.HOST,
                obj("{'entity.id':'host:a','entity.name':'n','host.name':'a'}"))).doesNotThrowAnyException();
    }

    @Test
    void unknownKeyIsABadRequestBody() {
        assertThatThrownBy(() -> validator.validate(EntityType.GENERIC, obj("{'entity':{'id':'x'},'nope':1}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("[request body]: Unrecognized key: \"nope\"");
    }

    @Test
    void nullFromAFlatKeyIsRejected() {
        assertThatThrownBy(() -> validator.validate(EntityType.GENERIC, obj("{'entity.name':null}")))
                .hasMessage("[request body]: entity.name: Invalid input: expected string, received null");
    }

    @Test
    void atMostFiveIssuesThenACount() {
        assertThatThrownBy(() -> validator.validate(EntityType.GENERIC, obj("{'entity':{'id':1,'name':2,'type':3,"
                + "'sub_type':4,'url':5,'schema_version':6,'source':7}}")))
                .hasMessage("[request body]: entity.id: Invalid input: expected string, received number, "
                        + "entity.name: Invalid input: expected string, received number, "
                        + "entity.type: Invalid input: expected string, received number, "
                        + "entity.sub_type: Invalid input: expected string, received number, "
                        + "entity.url: Invalid input: expected string, received number, and 2 more");
    }

    @Test
    void bulkNamesTheItemPathAndPosition() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> validator.validateBulk(List.of(
                new BulkItem(EntityType.GENERIC, obj("{'entity':{'id':'a'}}")),
                new BulkItem(EntityType.GENERIC, obj("{'entity':{'id':'b','attributes':{'asset':'no'}}}"))), "doc"));
        assertThat(e).hasMessage("[request body]: entities.1.doc.entity.attributes.asset: "
                + "Invalid input: expected boolean, received string");
        assertThat(e.itemIndex()).hasValue(1);
    }

    @Test
    void bulkRootIssueNamesTheItem() {
        assertThatThrownBy(() -> validator.validateBulk(List.of(
                new BulkItem(EntityType.USER, obj("{'x':1}"))), "record"))
                .hasMessage("[request body]: entities.0.record: Unrecognized key: \"x\"");
    }
}
