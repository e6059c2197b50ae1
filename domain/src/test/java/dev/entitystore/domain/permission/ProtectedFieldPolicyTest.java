package dev.entitystore.domain.permission;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityDefinitions;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.FieldsNotAllowedException;
import dev.entitystore.domain.error.FieldsNotAllowedException.Reason;
import dev.entitystore.domain.error.FieldsNotAllowedException.Wording;
import dev.entitystore.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Field permissions: restricted fields need force, v2 and v1 texts (product rules §3.6). */
class ProtectedFieldPolicyTest {
    private final ProtectedFieldPolicy policy = new ProtectedFieldPolicy();

    private FieldsNotAllowedException rejection(EntityType type, ObjectNode doc, Wording wording) {
        return catchThrowableOfType(FieldsNotAllowedException.class,
                () -> policy.check(EntityDefinitions.of(type), doc, false, wording));
    }

    private void accepts(EntityType type, String json) {
        assertThatCode(() -> policy.check(EntityDefinitions.of(type), obj(json), false, Wording.V2))
                .doesNotThrowAnyException();
    }

    @Test
    void identitySourceFieldsAreNotRejectedEvenThoughTheyAreRestricted() {
        accepts(EntityType.HOST, "{'entity':{'id':'host:h'},'host':{'name':'h','id':'i','hostname':'n'}}");
        accepts(EntityType.USER, "{'user':{'name':'n','email':['e'],'id':['i'],'domain':['d']},'host':{'id':['h']}}");
        accepts(EntityType.SERVICE, "{'service':{'name':'s'}}");
    }

    @Test
    void identityFieldOfAnotherTypeIsNotSkipped() {
        assertThat(rejection(EntityType.HOST, obj("{'user':{'name':'x'}}"), Wording.V2).fields())
                .containsExactly("user.name");
    }

    @Test
    void entityIdIsAlwaysSkipped() {
        accepts(EntityType.HOST, "{'entity':{'id':'anything'}}");
    }

    @Test
    void watchlistsMayBeUpdatedWithoutForce() {
        accepts(EntityType.HOST, "{'entity':{'id':'host:web-01','attributes':{'asset':true,'watchlists':['crown-jewels']}}}");
    }

    @Test
    void unknownFieldsAreListedInBracketsWithThePrefix() {
        FieldsNotAllowedException e = rejection(EntityType.GENERIC, obj("{'entity':{'id':'db-prod-01'},'tags':['x']}"),
                Wording.V2);
        assertThat(e).hasMessage("Bad request: The following attributes are not allowed to be updated: [tags]");
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(e.wording()).isEqualTo(Wording.V2);
        assertThat(e).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void fieldMissingFromTheDefinitionIsUnknown() {
        assertThat(rejection(EntityType.HOST, obj("{'entity':{'attributes':{'privileged':true}}}"), Wording.V2))
                .hasMessageContaining("The following attributes are not allowed to be updated: [entity.attributes.privileged]");
    }

    @Test
    void restrictedFieldsAreListedWithoutBracketsInDocumentOrder() {
        FieldsNotAllowedException e = rejection(EntityType.HOST,
                obj("{'entity':{'id':'host:web-01','name':'Web 01'},'asset':{'criticality':'high_impact'}}"), Wording.V2);
        assertThat(e).hasMessage("Bad request: The following attributes are not allowed to be updated without "
                + "forcing it (?force=true): entity.name, asset.criticality");
        assertThat(e.reason()).isEqualTo(Reason.RESTRICTED);
        assertThat(e.fields()).containsExactly("entity.name", "asset.criticality");
    }

    @Test
    void restrictedEntityNameOfAGenericEntity() {
        assertThat(rejection(EntityType.GENERIC, obj("{'entity':{'id':'required-id-force','name':'needs-force-flag'}}"),
                Wording.V2)).hasMessageContaining("not allowed to be updated without forcing it");
    }

    @Test
    void unknownFieldsWinOverRestrictedOnes() {
        FieldsNotAllowedException e = rejection(EntityType.HOST,
                obj("{'entity':{'name':'n'},'labels':{'a':'b'},'tags':['t'],'@timestamp':'2026-01-01T00:00:00.000Z'}"),
                Wording.V2);
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(e).hasMessage("Bad request: The following attributes are not allowed to be updated: "
                + "[labels.a, tags, @timestamp]");
    }

    @Test
    void engineMetadataTypeAndEventIngestedAreNotDestinations() {
        assertThat(rejection(EntityType.USER,
                obj("{'entity':{'EngineMetadata':{'Type':'user'}},'event':{'ingested':'2026-01-01T00:00:00Z'}}"),
                Wording.V2).fields()).containsExactly("entity.EngineMetadata.Type", "event.ingested");
    }

    @Test
    void schemaOnlyKeysStillNeedForce() {
        assertThat(rejection(EntityType.HOST,
                obj("{'entity':{'attributes':{'granted_permissions':['p']},'relationships':{'owns':{'host_id':['h']}}}}"),
                Wording.V2).fields())
                .containsExactly("entity.attributes.granted_permissions", "entity.relationships.owns.host_id");
    }

    @Test
    void forceBypassesBothChecks() {
        ObjectNode doc = obj("{'entity':{'name':'n'},'tags':['x'],'asset':{'criticality':'low_impact'}}");
        assertThatCode(() -> policy.check(EntityDefinitions.of(EntityType.HOST), doc, true, Wording.V2))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check(EntityDefinitions.of(EntityType.HOST), doc, true, Wording.V1))
                .doesNotThrowAnyException();
    }

    @Test
    void emptyObjectsAndEmptyDocumentsPass() {
        accepts(EntityType.HOST, "{}");
        accepts(EntityType.HOST, "{'entity':{},'asset':{}}");
    }

    @Test
    void nullValuesAreCheckedLikeAnyLeaf() {
        assertThat(rejection(EntityType.HOST, obj("{'entity':{'name':null}}"), Wording.V2).fields())
                .containsExactly("entity.name");
    }

    @Test
    void arraysOfObjectsAreOneLeaf() {
        assertThat(rejection(EntityType.HOST, obj("{'entity':{'attributes':{'watchlists':[{'a':1}]}},'x':[{'y':1}]}"),
                Wording.V2).fields()).containsExactly("x");
    }

    @Test
    void legacyUnknownTextHasNeitherPrefixNorBrackets() {
        FieldsNotAllowedException e = rejection(EntityType.HOST, obj("{'tags':['x'],'labels':{'k':'v'}}"), Wording.V1);
        assertThat(e).hasMessage("The following attributes are not allowed to be updated: tags, labels.k");
        assertThat(e.wording()).isEqualTo(Wording.V1);
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN);
    }

    @Test
    void legacyRestrictedTextHasNoPrefix() {
        // Kibana's v1 restricted-field example with today's definitions: user.name and user.id are the user's identity
        // fields (skipped, one policy for both generations) and "privileged" is no longer a destination.
        FieldsNotAllowedException e = rejection(EntityType.USER, obj("{'user':{'name':'not-allowed','id':['123'],"
                + "'roles':['r']},'entity':{'id':'host-1','type':'update','sub_type':'updated-sub',"
                + "'attributes':{'asset':true}}}"), Wording.V1);
        assertThat(e).hasMessage("The following attributes are not allowed to be updated without forcing it "
                + "(?force=true): user.roles, entity.type, entity.sub_type");
        assertThat(e.reason()).isEqualTo(Reason.RESTRICTED);
    }

    @Test
    void bulkPositionKeepsTheClassAndTheSituation() {
        FieldsNotAllowedException e = rejection(EntityType.HOST, obj("{'tags':['x']}"), Wording.V2).atItem(3);
        assertThat(e.itemIndex()).hasValue(3);
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(e).hasMessage("Bad request: The following attributes are not allowed to be updated: [tags]");
    }
}
