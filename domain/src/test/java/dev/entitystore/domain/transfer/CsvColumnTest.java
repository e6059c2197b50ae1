package dev.entitystore.domain.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CsvColumnTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode roundTrip(String json) throws Exception {
        JsonNode value = JSON.readTree(json);
        CsvColumn column = CsvColumn.parse(new CsvColumn("a.b", CsvColumn.kindOf(value)).header());
        return column.read(column.write(value));
    }

    @Test
    void everyKindOfValueReadsBackAsItWasWritten() throws Exception {
        for (String json : new String[] {"\"text\"", "[\"x|y\",\"back\\\\slash\",\"\"]", "42.5", "true",
                "[1,2]", "{\"k\":[{\"z\":1}]}", "null"}) {
            assertThat(roundTrip(json)).as(json).isEqualTo(JSON.readTree(json));
        }
    }

    @Test
    void theHeaderNamesTheKindAndMixedColumnsWidenToJson() {
        assertThat(CsvColumn.parse("entity.attributes.watchlists[]")).isEqualTo(
                new CsvColumn("entity.attributes.watchlists", CsvColumn.Kind.STRINGS));
        assertThat(CsvColumn.parse("x:number").kind()).isEqualTo(CsvColumn.Kind.NUMBER);
        assertThat(CsvColumn.widen(CsvColumn.Kind.STRING, CsvColumn.Kind.NUMBER)).isEqualTo(CsvColumn.Kind.JSON);
        assertThat(CsvColumn.widen(null, CsvColumn.Kind.BOOLEAN)).isEqualTo(CsvColumn.Kind.BOOLEAN);
    }

    @Test
    void anEmptyCellIsAnAbsentFieldAndABadNumberIsRefused() {
        assertThat(CsvColumn.parse("n:number").read("")).isNull();
        assertThatThrownBy(() -> CsvColumn.parse("n:number").read("ten")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("n:number");
    }
}
