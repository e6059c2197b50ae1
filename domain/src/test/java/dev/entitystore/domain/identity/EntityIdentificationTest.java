package dev.entitystore.domain.identity;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Identification of create and update targets. */
class EntityIdentificationTest {
    private final EntityIdentification identification = new EntityIdentification();

    @Test
    void updateByIdOnlyTargetsTheSuppliedId() {
        assertThat(identification.forUpdate(EntityType.HOST, obj("{'entity':{'id':'host:update-id-only','name':'x'}}")))
                .isEqualTo("host:update-id-only");
    }

    @Test
    void updateByIdentityOnlyTargetsTheDerivedEuid() {
        assertThat(identification.forUpdate(EntityType.HOST,
                obj("{'entity':{'name':'updated-via-identity'},'host':{'name':'update-identity-only'}}")))
                .isEqualTo("host:update-identity-only");
    }

    @Test
    void updateByEqualIdAndIdentityTargetsThatId() {
        assertThat(identification.forUpdate(EntityType.HOST,
                obj("{'entity':{'id':'host:this-is-update'},'host':{'name':'this-is-update'}}")))
                .isEqualTo("host:this-is-update");
    }

    @Test
    void updateWithDifferingIdAndIdentityIsRejected() {
        assertThatThrownBy(() -> identification.forUpdate(EntityType.HOST,
                obj("{'entity':{'id':'supplied-id'},'host':{'name':'x'}}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Bad request: Supplied ID supplied-id does not match generated EUID host:x");
    }

    @Test
    void updateWithNeitherIdNorIdentityIsRejected() {
        assertThatThrownBy(() -> identification.forUpdate(EntityType.HOST, obj("{'entity':{'name':'x'}}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Bad request: Could not derive EUID from document or find it in entity.id");
    }

    @Test
    void updateWithBlankIdCountsAsNoId() {
        assertThatThrownBy(() -> identification.forUpdate(EntityType.SERVICE, obj("{'entity':{'id':''}}")))
                .hasMessage("Bad request: Could not derive EUID from document or find it in entity.id");
    }

    @Test
    void userUpdateByIdOnlyWorksThoughCreateWouldNot() {
        assertThat(identification.forUpdate(EntityType.USER, obj("{'entity':{'id':'user:bob@unknown'}}")))
                .isEqualTo("user:bob@unknown");
        assertThatThrownBy(() -> identification.forCreate(EntityType.USER, obj("{'entity':{'id':'user:bob@unknown'}}")))
                .hasMessage("Bad request: Could not derive EUID from document");
    }

    @Test
    void userUpdateWithNameMustCarryTheUnknownNamespaceId() {
        assertThatThrownBy(() -> identification.forUpdate(EntityType.USER,
                obj("{'entity':{'id':'user:bob@okta'},'user':{'name':'bob'}}")))
                .hasMessage("Bad request: Supplied ID user:bob@okta does not match generated EUID user:bob@unknown");
    }

    @Test
    void createDerivesTheEuid() {
        assertThat(identification.forCreate(EntityType.HOST, obj("{'host':{'name':'web-01','ip':['10.0.0.5']}}")))
                .isEqualTo("host:web-01");
    }

    @Test
    void createWithMatchingIdIsAccepted() {
        assertThat(identification.forCreate(EntityType.GENERIC, obj("{'entity':{'id':'db-prod-01','type':'database'}}")))
                .isEqualTo("db-prod-01");
    }

    @Test
    void createWithInconsistentIdIsRejected() {
        assertThatThrownBy(() -> identification.forCreate(EntityType.HOST,
                obj("{'entity':{'id':'my-custom-id'},'host':{'name':'web-01'}}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Bad request: Supplied ID my-custom-id does not match generated EUID host:web-01");
    }

    @Test
    void createWithNothingToDeriveFromIsRejected() {
        assertThatThrownBy(() -> identification.forCreate(EntityType.SERVICE, obj("{'entity':{'name':'payments'}}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Bad request: Could not derive EUID from document");
    }

    @Test
    void createOfAUserNeedsEntityIdAndIdentity() {
        assertThat(identification.forCreate(EntityType.USER,
                obj("{'entity':{'id':'user:alice@example.com@unknown'},'user':{'email':['alice@example.com']}}")))
                .isEqualTo("user:alice@example.com@unknown");
    }

    @Test
    void anImportLineIsNamedByItsEntityIdEvenWhereItsIdentityDerivesAnother() {
        assertThat(identification.forImport(EntityType.HOST, obj("{'entity':{'id':'web-legacy'},'host':{'name':'web-legacy'}}")))
                .isEqualTo("web-legacy");
        assertThat(identification.forImport(EntityType.HOST, obj("{'entity':{'id':'lone-host'}}"))).isEqualTo("lone-host");
    }

    @Test
    void anImportLineWithoutEntityIdIsNamedByItsDerivedEuidOrRejected() {
        assertThat(identification.forImport(EntityType.HOST, obj("{'host':{'name':'web-01'}}"))).isEqualTo("host:web-01");
        assertThatThrownBy(() -> identification.forImport(EntityType.HOST, obj("{'entity':{'name':'x'}}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Bad request: Could not derive EUID from document or find it in entity.id");
    }
}
