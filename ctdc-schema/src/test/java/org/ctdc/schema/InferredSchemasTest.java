package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferredSchemasTest {

  @Test
  void everyColumnIsCategoricalWithTheDistinctValuesSorted() {
    String csv = "sex;age\nMale;39\nFemale;50\nMale;\nFemale;38\n";
    Schema s = InferredSchemas.fromCsv(new StringReader(csv), "t.csv", "t", ';', List.of(""));
    assertEquals(List.of("sex", "age"), s.variables().stream().map(Variable::name).toList());
    assertEquals(VariableKind.CATEGORICAL, s.variables().get(0).kind());
    assertEquals(List.of("Female", "Male"), s.variables().get(0).values().codes().stream().map(Code::code).toList());
    assertEquals(List.of("38", "39", "50"), s.variables().get(1).values().codes().stream().map(Code::code).toList());
    assertEquals(';', s.format().delimiter());
  }

  @Test
  void theInferredSchemaReadsTheFileBack() {
    String csv = "a,b\nx,1\ny,2\nx,\n";
    Schema s = InferredSchemas.fromCsv(new StringReader(csv), "t.csv", "t", ',', List.of(""));
    DatasetCsv.ReadResult r =
        DatasetCsv.read(new StringReader(csv), "t.csv", s, DatasetCsv.CsvOptions.defaults());
    assertEquals(3, r.dataset().rowCount());
    assertTrue(r.dataset().isMissing(2, 1));
    assertEquals("y", r.dataset().token(1, 0));
  }

  @Test
  void aRepeatedHeaderColumnIsNamed() {
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> InferredSchemas.fromCsv(new StringReader("a;a\n1;2\n"), "t.csv", "t", ';', List.of("")));
    assertTrue(e.getMessage().contains("t.csv") && e.getMessage().contains("column 2"), e.getMessage());
  }
}
