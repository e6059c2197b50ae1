package dev.entitystore.domain.profile;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileDataFilterTest {
    private static final String DATA = "{'app1':{'key1':'a','key2':{'deep':1}},'app2':{'theme':'dark'},'other':5}";

    private static Object filtered(String parameter) {
        return ProfileDataFilter.parse(parameter).apply(obj(DATA));
    }

    @Test
    void absentOrEmptySelectsNothing() {
        assertThat(filtered(null)).isEqualTo(obj("{}"));
        assertThat(filtered("")).isEqualTo(obj("{}"));
    }

    @Test
    void namesWildcardsAndLists() {
        assertThat(filtered("app1")).isEqualTo(obj("{'app1':{'key1':'a','key2':{'deep':1}}}"));
        assertThat(filtered("app1,app2")).isEqualTo(obj("{'app1':{'key1':'a','key2':{'deep':1}},'app2':{'theme':'dark'}}"));
        assertThat(filtered("app*")).isEqualTo(filtered("app1,app2"));
        assertThat(filtered("*")).isEqualTo(obj(DATA));
        assertThat(filtered("nothing*")).isEqualTo(obj("{}"));
    }

    @Test
    void dottedPathsSelectInsideANamespace() {
        assertThat(filtered("app1.key1")).isEqualTo(obj("{'app1':{'key1':'a'}}"));
        assertThat(filtered("app1.key2.deep")).isEqualTo(obj("{'app1':{'key2':{'deep':1}}}"));
        assertThat(filtered("app1.missing")).isEqualTo(obj("{}"));
        assertThat(filtered("*.theme")).isEqualTo(obj("{'app2':{'theme':'dark'}}"));
    }
}
