import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument } from '../../helpers/cards';
import { systemCardUri } from '../../helpers/kindDocuments';

const service = createLanguageService();

/** The card's limitations (a Markdown text field) holding `blocks`, rendered for the preview. */
function limitationsHtml(blocks: string, uri?: string): string {
  const text = `name: Diagrams\nlimitations: |\n${blocks.replace(/^/gm, '  ')}\n`;
  const { html } = service.render(uri ? cardDocument(text.replace('limitations', 'purpose'), uri) : cardDocument(text), 'developer');
  const start = html.indexOf(uri ? '<section id="purpose"' : '<section id="limitations"');
  return html.slice(start, html.indexOf('</section>', start));
}

/** Every element and attribute name in the HTML. */
function markup(html: string): { elements: Set<string>; attributes: Set<string> } {
  const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s[\w:-]+="[^"]*")*)\s*\/?>/g)];
  return {
    elements: new Set(tags.map((tag) => tag[1])),
    attributes: new Set(tags.flatMap((tag) => [...tag[2].matchAll(/\s([\w:-]+)="[^"]*"/g)].map((attribute) => attribute[1]))),
  };
}

describe('```mermaid blocks in Markdown text', () => {
  it('are drawn as inline SVG at the line of the block, with nodes, edges and labels', () => {
    const section = limitationsHtml('Before.\n\n```mermaid\nflowchart LR\n  Q[Question] -->|passages| A[Answer]\n```\n');
    assert.match(section, /<figure class="mermaid-diagram code-line" data-line="4"><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="[\d. ]+"/);
    assert.match(section, /<g class="node" data-id="Q" data-label="Question"/);
    assert.match(section, /<g class="node" data-id="A" data-label="Answer"/);
    assert.match(section, /<polyline class="edge" data-from="Q" data-to="A"/);
    assert.match(section, /<text[^>]*>passages<\/text>/);
    // The renderer's own style sheet (a web font import) and inline styles are left out: the preview's CSP allows neither.
    assert.doesNotMatch(section, /<style|\sstyle=|@import|fonts\.googleapis/);
  });

  it('are drawn in every kind of document (a system card\'s purpose)', () => {
    assert.match(limitationsHtml('```mermaid\nsequenceDiagram\n  User->>Gateway: question\n```\n', systemCardUri), /<figure class="mermaid-diagram code-line" data-line="2">/);
  });

  it('that cannot be drawn show as code, with the reason', () => {
    const section = limitationsHtml('```mermaid\nnot a diagram <b>\n```\n');
    assert.match(section, /<pre class="code-line" data-line="2"><code class="language-mermaid">not a diagram &#60;b&#62;\n<\/code><\/pre><p class="mermaid-problem">This Mermaid diagram is not drawn: Invalid mermaid header: &#34;not a diagram &#60;b&#62;&#34;[^<]*\.<\/p>/);
  });

  it('leave other fenced blocks as code', () => {
    assert.match(limitationsHtml('```python\nprint(1)\n```\n'), /<pre><code class="code-line language-python" data-line="2">print\(1\)\n<\/code><\/pre>/);
  });

  describe('cannot inject script, links or styles', () => {
    const payloads = [
      'flowchart LR',
      '  A["<script>alert(1)</script>"] -->|"<img src=x onerror=alert(2)>"| B["javascript:alert(3)"]',
      '  B --> C["<a href=\'javascript:alert(4)\'>x</a>"]',
      '  click A call alert()',
      '  click B href "javascript:alert(5)"',
      '  click C "javascript:alert(6)" "tooltip"',
    ].join('\n');

    it('labels and click directives end up as text only', () => {
      const section = limitationsHtml(`\`\`\`mermaid\n${payloads}\n\`\`\`\n`);
      const figure = section.slice(section.indexOf('<figure'), section.indexOf('</figure>'));
      assert.ok(figure.length > 0, section);
      const { elements, attributes } = markup(figure);
      for (const element of elements) assert.ok(['figure', 'svg', 'g', 'defs', 'marker', 'polygon', 'polyline', 'path', 'rect', 'text', 'tspan'].includes(element), `<${element}>`);
      for (const attribute of attributes) assert.ok(!/^(on|href$|xlink:href$|style$|src$)/i.test(attribute), attribute);
      // Every < in it opens one of the elements above: the texts are escaped.
      assert.equal(figure.match(/</g)!.length, figure.match(/<\/?(figure|svg|g|defs|marker|polygon|polyline|path|rect|text|tspan)[\s/>]/g)!.length);
      assert.ok(figure.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      // javascript: is only text: in a <text>, or in the data- attributes that name a node by its label.
      assert.deepEqual([...figure.matchAll(/\s([\w:-]+)="[^"]*javascript:/g)].map((match) => match[1]).filter((name) => !name.startsWith('data-')), []);
    });

    it('a style directive that would break out of its attribute makes the block show as code', () => {
      const section = limitationsHtml('```mermaid\nflowchart LR\n  A --> B\n  style B fill:red" onload="alert(1)\n```\n');
      assert.doesNotMatch(section, /<figure/);
      assert.match(section, /This Mermaid diagram is not drawn: the drawing has a fill attribute, which the preview does not show\./);
      assert.deepEqual([...markup(section).elements].sort(), ['code', 'h2', 'p', 'pre', 'section']);
    });
  });
});
