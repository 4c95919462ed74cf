package io.baton.engine.language.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.engine.language.Limits;
import io.baton.engine.language.internal.SourceParser.Syntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceParserTest {
  private final SourceParser parser = new SourceParser(Limits.DEFAULTS);

  private SourceNode parse(String text, Syntax syntax, Findings findings) {
    return parser.parse(text, syntax, findings);
  }

  @Test
  void yamlNodesKnowTheirLineColumnAndPointer() {
    Findings findings = new Findings();
    SourceObject root =
        (SourceObject)
            parse(
                """
                id: x
                steps:
                  - id: a
                    when: "steps.b.x > 1"
                    n: [1, 'two']
                """,
                Syntax.YAML,
                findings);
    SourceIndex index = new SourceIndex(root, null);
    assertThat(findings.all()).isEmpty();
    assertThat(index.position("/id")).isEqualTo(new Position(1, 5));
    assertThat(index.keyPosition("/steps")).isEqualTo(new Position(2, 1));
    assertThat(index.position("/steps/0")).isEqualTo(new Position(3, 5));
    assertThat(index.node("/steps/0/when").position()).isEqualTo(new Position(4, 11));
    assertThat(index.node("/steps/0/n/1"))
        .isEqualTo(new SourceScalar("/steps/0/n/1", new Position(5, 12), "two"));
    assertThat(index.node("/steps/0/n/0").toJava()).isEqualTo(1);
  }

  @Test
  void jsonNodesKnowTheirLineColumnAndPointer() {
    Findings findings = new Findings();
    SourceNode root =
        parse("{\n  \"id\": \"x\",\n  \"a/b\": [ {\"n\": 1.5} ]\n}", Syntax.JSON, findings);
    SourceIndex index = new SourceIndex(root, null);
    assertThat(index.position("/id")).isEqualTo(new Position(2, 9));
    assertThat(index.keyPosition("/a~1b")).isEqualTo(new Position(3, 3));
    assertThat(index.node("/a~1b/0/n").toJava()).isEqualTo(1.5);
  }

  @Test
  void anAbsentPointerResolvesToItsNearestPresentAncestor() {
    SourceNode root = parse("steps:\n  - id: a\n", Syntax.YAML, new Findings());
    assertThat(new SourceIndex(root, null).position("/steps/0/tool")).isEqualTo(new Position(2, 5));
  }

  @Test
  void anOffsetInsideAStringMapsToAColumnWhenTheStringIsWrittenAsIs() {
    String text = "a: steps.x > 1\nb: \"steps.x > 1\"\nc: |\n  steps.x\nd: \"tab\\tx\"\n";
    SourceIndex index = new SourceIndex(parse(text, Syntax.YAML, new Findings()), text);
    assertThat(index.position("/a", 6)).isEqualTo(new Position(1, 10));
    assertThat(index.position("/b", 6)).isEqualTo(new Position(2, 11));
    assertThat(index.position("/c", 2)).as("block scalar: the start").isEqualTo(new Position(3, 4));
    assertThat(index.position("/d", 4)).as("escaped: the start").isEqualTo(new Position(5, 4));
  }

  @Test
  void malformedYamlIsOneSyntaxErrorWithItsPosition() {
    Findings findings = new Findings();
    assertThat(parse("a: [1, 2\nb: 3\n", Syntax.YAML, findings)).isNull();
    Finding f = single(findings);
    assertThat(f.code()).isEqualTo("syntax");
    assertThat(f.position()).isEqualTo(new Position(2, 2));
    assertThat(f.message())
        .contains("while parsing a flow sequence")
        .contains("expected ',' or ']'");
    assertThat(f.message()).doesNotContain("\n");
  }

  @Test
  void badIndentationIsASyntaxError() {
    Findings findings = new Findings();
    parse("a:\n  b: 1\n c: 2\n", Syntax.YAML, findings);
    assertThat(single(findings).position()).isEqualTo(new Position(3, 2));
  }

  @Test
  void malformedJsonIsOneSyntaxErrorWithItsPosition() {
    Findings findings = new Findings();
    assertThat(parse("{\"a\": 1,,}", Syntax.JSON, findings)).isNull();
    Finding f = single(findings);
    assertThat(f.code()).isEqualTo("syntax");
    assertThat(f.position()).isEqualTo(new Position(1, 9));
    assertThat(f.message()).contains("Unexpected character (','");
  }

  @Test
  void aSecondYamlDocumentIsRejected() {
    Findings findings = new Findings();
    assertThat(parse("a: 1\n---\nb: 2\n", Syntax.YAML, findings)).isNull();
    assertThat(single(findings).message()).contains("one document");
    assertThat(single(findings).position().line()).isEqualTo(3);
  }

  @Test
  void yamlAliasesAreRejectedRatherThanReadAsTheirNames() {
    Findings findings = new Findings();
    assertThat(parse("a: &x {b: 1}\nc: *x\n", Syntax.YAML, findings)).isNull();
    assertThat(single(findings).message()).isEqualTo("YAML aliases (*x) are not supported");
    assertThat(single(findings).pointer()).isEqualTo("/c");
  }

  @Test
  void anEmptyDocumentIsASyntaxError() {
    Findings findings = new Findings();
    assertThat(parse("# nothing\n", Syntax.YAML, findings)).isNull();
    assertThat(single(findings).message()).isEqualTo("the document is empty");
  }

  @Test
  void aDuplicateKeyIsReportedAtTheSecondKeyAndTheFirstValueKept() {
    Findings findings = new Findings();
    SourceObject root = (SourceObject) parse("a: 1\nb: 2\na: 3\n", Syntax.YAML, findings);
    assertThat(root.get("a").toJava()).isEqualTo(1);
    Finding f = single(findings);
    assertThat(f.code()).isEqualTo("duplicate-key");
    assertThat(f.pointer()).isEqualTo("/a");
    assertThat(f.position()).isEqualTo(new Position(3, 1));
    assertThat(f.hint()).contains("line 1");
  }

  @Test
  void nestingDeeperThanTheLimitIsTooDeep() {
    SourceParser shallow = new SourceParser(new Limits(1024, 3, 10));
    Findings findings = new Findings();
    assertThat(shallow.parse("a: {b: {c: 1}}", Syntax.YAML, findings)).isNotNull();
    assertThat(shallow.parse("a: {b: {c: {d: 1}}}", Syntax.YAML, findings)).isNull();
    Finding f = single(findings);
    assertThat(f.code()).isEqualTo("too-deep");
    assertThat(f.pointer()).isEqualTo("/a/b/c");
    assertThat(f.position()).isEqualTo(new Position(1, 12));
    assertThat(f.message()).contains("3 levels");
  }

  @Test
  void textLargerThanTheLimitIsNotParsed() {
    SourceParser small = new SourceParser(new Limits(10, 64, 10));
    Findings findings = new Findings();
    assertThat(small.parse("a: 12345678", Syntax.YAML, findings)).isNull();
    Finding f = single(findings);
    assertThat(f.code()).isEqualTo("file-too-large");
    assertThat(f.message()).isEqualTo("the file has 11 bytes; the limit is 10 bytes");
  }

  @Test
  void theSyntaxIsGuessedFromTheNameThenTheText() {
    assertThat(Syntax.guess("flow.JSON", "a: 1")).isEqualTo(Syntax.JSON);
    assertThat(Syntax.guess("flow.yml", "{}")).isEqualTo(Syntax.YAML);
    assertThat(Syntax.guess("stdin", "  {\"a\": 1}")).isEqualTo(Syntax.JSON);
    assertThat(Syntax.guess(null, "a: 1")).isEqualTo(Syntax.YAML);
  }

  @Test
  void scalarsDescribeThemselvesForMessages() {
    Position p = new Position(1, 1);
    assertThat(new SourceScalar("", p, "x").describe()).isEqualTo("the string \"x\"");
    assertThat(new SourceScalar("", p, 30).describe()).isEqualTo("the number 30");
    assertThat(new SourceScalar("", p, true).describe()).isEqualTo("the boolean true");
    assertThat(new SourceScalar("", p, null).describe()).isEqualTo("null");
    assertThat(new SourceArray("", p, List.of()).describe()).isEqualTo("a list");
  }

  private static Finding single(Findings findings) {
    assertThat(findings.all()).hasSize(1);
    return findings.all().getFirst();
  }
}
