package dev.entitystore.domain.identity;

import static dev.entitystore.domain.testing.Json.node;
import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.InvalidRequestException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** EUID derivation: Kibana's documented examples and its unit vectors for each type, plus edges. */
class EuidDeriverTest {
    private final EuidDeriver deriver = new EuidDeriver();

    private Optional<String> euid(EntityType type, String json) {
        return deriver.derive(type, node(json));
    }

    @Test
    void nullOrMissingDocumentHasNoEuid() {
        assertThat(deriver.derive(EntityType.HOST, null)).isEmpty();
        assertThat(deriver.derive(EntityType.GENERIC, NullNode.getInstance())).isEmpty();
        assertThat(deriver.derive(EntityType.USER, node("'a string'"))).isEmpty();
    }

    @Nested
    class Generic {
        @Test
        void entityIdIsTheEuidWithoutTypePrefix() {
            assertThat(euid(EntityType.GENERIC, "{'entity':{'id':'e-123'}}")).contains("e-123");
        }

        @Test
        void elasticsearchHitIsUnwrapped() {
            assertThat(euid(EntityType.GENERIC, "{'_source':{'entity':{'id':'e-123'}}}")).contains("e-123");
        }

        @Test
        void missingOrEmptyEntityIdHasNoEuid() {
            assertThat(euid(EntityType.GENERIC, "{'entity':{'name':'x'}}")).isEmpty();
            assertThat(euid(EntityType.GENERIC, "{'entity':{'id':''}}")).isEmpty();
            assertThat(euid(EntityType.GENERIC, "{'entity':{'id':null}}")).isEmpty();
        }

        @Test
        void flatDottedEntityIdIsRead() {
            assertThat(euid(EntityType.GENERIC, "{'entity.id':'flat-create-id'}")).contains("flat-create-id");
        }
    }

    @Nested
    class Host {
        @Test
        void hostIdFormsTheEuid() {
            assertThat(euid(EntityType.HOST, "{'host':{'id':'host-id-1'}}")).contains("host:host-id-1");
        }

        @Test
        void hostNameFormsTheEuid() {
            assertThat(euid(EntityType.HOST, "{'host':{'name':'server1'}}")).contains("host:server1");
        }

        @Test
        void hostnameFormsTheEuid() {
            assertThat(euid(EntityType.HOST, "{'host':{'hostname':'node-1'}}")).contains("host:node-1");
        }

        @Test
        void idBeatsNameAndHostname() {
            assertThat(euid(EntityType.HOST, "{'host':{'id':'h1','name':'server1','hostname':'node-1'}}"))
                    .contains("host:h1");
        }

        @Test
        void nameBeatsHostname() {
            assertThat(euid(EntityType.HOST, "{'host':{'name':'server1','hostname':'node-1'}}"))
                    .contains("host:server1");
        }

        @Test
        void onlyDomainHasNoEuid() {
            assertThat(euid(EntityType.HOST, "{'host':{'domain':'example.com'}}")).isEmpty();
        }

        @Test
        void webServerExampleOfTheCreateRoute() {
            assertThat(euid(EntityType.HOST, "{'entity':{'id':'host:web-server-prod-01'},"
                    + "'host':{'name':'web-server-prod-01','hostname':['web-server-prod-01.example.com']}}"))
                    .contains("host:web-server-prod-01");
        }

        @Test
        void firstElementOfAnArrayIsUsed() {
            assertThat(euid(EntityType.HOST, "{'host':{'id':['a','b']}}")).contains("host:a");
        }

        @Test
        void emptyArrayCountsAsMissing() {
            assertThat(euid(EntityType.HOST, "{'host':{'id':[],'name':'n'}}")).contains("host:n");
        }

        @Test
        void emptyStringCountsAsMissing() {
            assertThat(euid(EntityType.HOST, "{'host':{'id':'','name':'n'}}")).contains("host:n");
        }

        @Test
        void emptyFirstElementCountsAsMissing() {
            assertThat(euid(EntityType.HOST, "{'host':{'id':[''],'name':'n'}}")).contains("host:n");
            assertThat(euid(EntityType.HOST, "{'host':{'id':[null]}}")).isEmpty();
        }

        @Test
        void numbersReadAsJavaScriptStrings() {
            assertThat(euid(EntityType.HOST, "{'host':{'id':42}}")).contains("host:42");
            assertThat(euid(EntityType.HOST, "{'host':{'id':4.0}}")).contains("host:4");
            assertThat(euid(EntityType.HOST, "{'host':{'id':1.5}}")).contains("host:1.5");
            assertThat(euid(EntityType.HOST, "{'host':{'id':true}}")).contains("host:true");
        }

        @Test
        void flatKeyWinsOverNestedUnlessEmpty() {
            assertThat(euid(EntityType.HOST, "{'host.name':'flat','host':{'name':'nested'}}")).contains("host:flat");
            assertThat(euid(EntityType.HOST, "{'host.name':'','host':{'name':'nested'}}")).contains("host:nested");
            assertThat(euid(EntityType.HOST, "{'host.name':null,'host':{'name':'nested'}}")).contains("host:nested");
        }

        @Test
        void mixedFlatAndNestedKeysAreBothSeen() {
            assertThat(euid(EntityType.HOST, "{'host':{'name':'n'},'host.id':'i'}")).contains("host:i");
        }

        @Test
        void objectAtAnIdentityPathIsABadRequest() {
            assertThatThrownBy(() -> euid(EntityType.HOST, "{'host':{'id':{'a':1}}}"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Bad request: Field host.id is an object, can't convert to value (value: {\"a\":1})");
        }

        @Test
        void arrayOfObjectsAtAnIdentityPathIsABadRequest() {
            assertThatThrownBy(() -> euid(EntityType.HOST, "{'host':{'id':[{'a':1}]}}"))
                    .isInstanceOf(InvalidRequestException.class);
        }

        @Test
        void identifiersAreTheWinningField() {
            assertThat(deriver.identifiers(EntityType.HOST, node("{'host':{'id':'h1','name':'n'}}")))
                    .contains(Map.of("host.id", "h1"));
        }
    }

    @Nested
    class Service {
        @Test
        void serviceEntityIdAloneHasNoEuid() {
            assertThat(euid(EntityType.SERVICE, "{'service':{'entity':{'id':'svc-e1'}}}")).isEmpty();
        }

        @Test
        void serviceNameFormsTheEuid() {
            assertThat(euid(EntityType.SERVICE, "{'service':{'name':'api-gateway'}}")).contains("service:api-gateway");
        }

        @Test
        void emptyDocumentHasNoEuid() {
            assertThat(euid(EntityType.SERVICE, "{}")).isEmpty();
            assertThat(euid(EntityType.SERVICE, "{'service':{}}")).isEmpty();
        }

        @Test
        void nameWinsOverServiceEntityId() {
            assertThat(euid(EntityType.SERVICE, "{'service':{'entity':{'id':'svc-e1'},'name':'api-gateway'}}"))
                    .contains("service:api-gateway");
        }

        @Test
        void entityNameIsNoServiceIdentity() {
            assertThat(euid(EntityType.SERVICE, "{'entity':{'name':'payments'}}")).isEmpty();
        }
    }

    @Nested
    class User {
        @Test
        void emailWithOktaAssetEventDerivesOktaNamespace() {
            assertThat(euid(EntityType.USER,
                    "{'user':{'email':'alice@example.com'},'event':{'kind':'asset','module':'okta'}}"))
                    .contains("user:alice@example.com@okta");
        }

        @Test
        void entityanalyticsOktaMapsToOkta() {
            assertThat(euid(EntityType.USER,
                    "{'user':{'email':'alice@example.com'},'event':{'kind':'asset','module':'entityanalytics_okta'}}"))
                    .contains("user:alice@example.com@okta");
        }

        @Test
        void azureWithoutAssetKindHasNoEuid() {
            assertThat(euid(EntityType.USER, "{'user':{'email':'alice@example.com'},'event':{'module':'azure'}}"))
                    .isEmpty();
        }

        @Test
        void azureAssetMapsToEntraId() {
            assertThat(euid(EntityType.USER,
                    "{'user':{'email':'a@x.com'},'event':{'kind':'asset','module':'azure'}}"))
                    .contains("user:a@x.com@entra_id");
        }

        @Test
        void nameAndHostIdTakeTheLocalPath() {
            assertThat(euid(EntityType.USER, "{'user':{'name':'alice'},'host':{'id':'host-1'}}"))
                    .contains("user:alice@host-1@local");
        }

        @Test
        void failedOutcomeHasNoEuid() {
            assertThat(euid(EntityType.USER,
                    "{'user':{'name':'alice'},'host':{'id':'host-1'},'event':{'outcome':'failure'}}")).isEmpty();
            assertThat(euid(EntityType.USER,
                    "{'user':{'email':'a@x.com'},'event':{'kind':'asset','module':'okta','outcome':'failure'}}"))
                    .isEmpty();
        }

        @Test
        void o365MetricsMapsToMicrosoft365() {
            assertThat(euid(EntityType.USER,
                    "{'user':{'email':'a@x.com'},'event':{'kind':'asset','module':'o365_metrics'}}"))
                    .contains("user:a@x.com@microsoft_365");
        }

        @Test
        void unmappedModuleIsKeptRaw() {
            assertThat(euid(EntityType.USER,
                    "{'user':{'email':'a@x.com'},'event':{'kind':'asset','module':'custom_module'}}"))
                    .contains("user:a@x.com@custom_module");
        }

        @Test
        void assetWithoutModuleDerivesUnknownNamespace() {
            assertThat(euid(EntityType.USER, "{'user':{'email':'a@x.com'},'event':{'kind':'asset'}}"))
                    .contains("user:a@x.com@unknown");
        }

        @Test
        void nameAloneWithOktaAsset() {
            assertThat(euid(EntityType.USER, "{'user':{'name':'alice'},'event':{'kind':'asset','module':'okta'}}"))
                    .contains("user:alice@okta");
        }

        @Test
        void idAloneWithOktaAsset() {
            assertThat(euid(EntityType.USER, "{'user':{'id':'user-id-42'},'event':{'kind':'asset','module':'okta'}}"))
                    .contains("user:user-id-42@okta");
        }

        @Test
        void emailBeatsId() {
            assertThat(euid(EntityType.USER,
                    "{'user':{'id':'u42','email':'dev@example.com'},'event':{'kind':'asset','module':'okta'}}"))
                    .contains("user:dev@example.com@okta");
        }

        @Test
        void emailBeatsNameAndDomain() {
            assertThat(euid(EntityType.USER, "{'user':{'email':'dev@example.com','name':'dave','domain':'corp.com'},"
                    + "'event':{'kind':'asset','module':'okta'}}")).contains("user:dev@example.com@okta");
        }

        @Test
        void nameAndDomainWithActiveDirectory() {
            assertThat(euid(EntityType.USER, "{'user':{'name':'jane','domain':'corp.com'},"
                    + "'event':{'kind':'asset','module':'entityanalytics_ad'}}"))
                    .contains("user:jane@corp.com@active_directory");
        }

        @Test
        void nameAndDomainWithOkta() {
            assertThat(euid(EntityType.USER, "{'user':{'name':'jane','domain':'corp.com'},"
                    + "'event':{'kind':'asset','module':'okta'}}")).contains("user:jane@corp.com@okta");
        }

        @Test
        void userWithNameAndNoModuleDerivesUnknownNamespace() {
            // Through the API: the entity id stands for "already in the store", the only gate a body meets.
            assertThat(euid(EntityType.USER, "{'entity':{'id':'user:bob@unknown'},'user':{'name':'bob'}}"))
                    .contains("user:bob@unknown");
        }

        @Test
        void userWithNameOnlyAndNothingElseFailsTheGate() {
            assertThat(euid(EntityType.USER, "{'user':{'name':'bob'}}")).isEmpty();
        }

        @Test
        void userWithEmailAndEntityIdDerivesUnknownNamespace() {
            assertThat(euid(EntityType.USER, "{'entity':{'id':'x'},'user':{'email':'a@x.com','name':'bob'}}"))
                    .contains("user:a@x.com@unknown");
        }

        @Test
        void entityIdAloneIsNoUserIdentity() {
            assertThat(euid(EntityType.USER, "{'entity':{'id':'user:bob@unknown'}}")).isEmpty();
        }

        @Test
        void datasetFirstChunkIsTheNamespaceSourceWhenNoModule() {
            assertThat(euid(EntityType.USER,
                    "{'user':{'email':'a@x.com'},'event':{'kind':'asset'},'data_stream':{'dataset':'okta.system'}}"))
                    .contains("user:a@x.com@okta");
            assertThat(euid(EntityType.USER,
                    "{'user':{'email':'a@x.com'},'event':{'kind':'asset'},'data_stream':{'dataset':'.hidden'}}"))
                    .contains("user:a@x.com@unknown");
        }

        @Test
        void moduleWinsOverDataset() {
            assertThat(euid(EntityType.USER, "{'user':{'email':'a@x.com'},"
                    + "'event':{'kind':'asset','module':'o365'},'data_stream':{'dataset':'okta.system'}}"))
                    .contains("user:a@x.com@microsoft_365");
        }

        @Test
        void excludedSystemAccountIsNotLocal() {
            assertThat(euid(EntityType.USER, "{'user':{'name':'root'},'host':{'id':'host-1'}}")).isEmpty();
            assertThat(euid(EntityType.USER,
                    "{'entity':{'id':'x'},'user':{'name':'root'},'host':{'id':'host-1'}}"))
                    .contains("user:root@unknown");
        }

        @Test
        void idpEventIsNeverLocal() {
            assertThat(euid(EntityType.USER,
                    "{'user':{'name':'alice'},'host':{'id':'h1'},'event':{'kind':'asset','module':'okta'}}"))
                    .contains("user:alice@okta");
        }

        @Test
        void iamUserEventPassesTheGate() {
            assertThat(euid(EntityType.USER, "{'user':{'id':'u1'},'event':{'category':['iam'],'type':['user'],"
                    + "'module':'okta'}}")).contains("user:u1@okta");
            assertThat(euid(EntityType.USER, "{'user':{'id':'u1'},'event':{'category':['iam'],'type':['info']}}"))
                    .isEmpty();
        }

        @Test
        void enrichmentEventIsNoIdpDocument() {
            assertThat(euid(EntityType.USER, "{'user':{'id':'u1'},'event':{'kind':'enrichment'},"
                    + "'entity':{'id':'x'}}")).isEmpty();
        }

        @Test
        void flatDottedUserBodyWorksLikeNested() {
            assertThat(euid(EntityType.USER, "{'user.name':'alice','host.id':'host-1'}"))
                    .contains("user:alice@host-1@local");
        }

        @Test
        void identifiersOfHostId() {
            assertThat(deriver.identifiers(EntityType.HOST, node("{'host':{'id':'h'}}")))
                    .contains(Map.of("host.id", "h"));
        }

        @Test
        void identifiersOfAnIdpUserIncludeTheNamespace() {
            assertThat(deriver.identifiers(EntityType.USER,
                    node("{'user':{'email':'alice@example.com'},'event':{'kind':'asset','module':'okta'}}")).orElseThrow())
                    .containsExactly(Map.entry("user.email", "alice@example.com"), Map.entry("entity.namespace", "okta"));
        }

        @Test
        void identifiersOfALocalUser() {
            assertThat(deriver.identifiers(EntityType.USER, obj("{'user':{'name':'alice'},'host':{'id':'host-1'}}"))
                    .orElseThrow())
                    .containsExactly(Map.entry("user.name", "alice"), Map.entry("host.id", "host-1"),
                            Map.entry("entity.namespace", "local"));
        }

        @Test
        void derivationDoesNotModifyTheDocument() {
            var doc = obj("{'user':{'name':'alice'},'host':{'id':'host-1'}}");
            var before = doc.deepCopy();
            deriver.derive(EntityType.USER, doc);
            assertThat(doc).isEqualTo(before);
        }
    }
}
