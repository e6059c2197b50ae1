package dev.entitystore.domain.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRoundTripTest {
    private static List<List<String>> read(String csv) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(csv));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndSkipsBlankLines() throws IOException {
        assertThat(read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\n\"two\nlines\",,x\n"))
                .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "x"));
    }

    @Test
    void reportsTheLineARowStartedOnAndAnUnclosedQuote() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("h\n\"a\nb\"\nc\n"));
        reader.next();
        reader.next();
        assertThat(reader.rowLine()).isEqualTo(2);
        reader.next();
        assertThat(reader.rowLine()).isEqualTo(4);
        assertThatThrownBy(() -> read("x\n\"open")).isInstanceOf(CsvFormatException.class).hasMessageContaining("line 2");
    }

    @Test
    void writesFormulaTriggersAsTextAndReadsThemBack() throws IOException {
        StringWriter out = new StringWriter();
        List<String> cells = List.of("=SUM(A1)", "+1", "-2", "@x", "'=already", "plain", "a,b", "q\"q");
        new CsvWriter(out).row(cells);
        assertThat(out.toString()).isEqualTo("'=SUM(A1),'+1,'-2,'@x,''=already,plain,\"a,b\",\"q\"\"q\"\r\n");
        List<String> back = new ArrayList<>();
        read(out.toString()).get(0).forEach(cell -> back.add(FormulaGuard.unescape(cell)));
        assertThat(back).isEqualTo(cells);
    }
}
