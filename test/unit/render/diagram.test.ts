import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService } from '../../../server/src/service/languageService';
import { flowSvg } from '../../../server/src/service/render/diagram/flowSvg';
import { layeredLayout } from '../../../server/src/service/render/diagram/layeredLayout';
import { mermaidFlowchart } from '../../../server/src/service/render/diagram/mermaidFlowchart';
import { cardDocument } from '../../helpers/cards';
import { systemCardUri } from '../../helpers/kindDocuments';

const smallSystem = `name: Support assistant
components:
  - id: gateway
    kind: service
  - id: embedder
    kind: model
    name: bge-small-en-v1.5
  - id: index
    kind: index
  - id: answer-llm
    kind: model
  - id: review
    kind: human_review
data_flow:
  - {from: gateway, to: embedder, data: user question}
  - {from: embedder, to: index, data: question embedding}
  - {from: index, to: answer-llm, data: passages}
  - {from: answer-llm, to: review}
  - {from: review, to: gateway, data: approved answer}
  - {from: gateway, to: nowhere, data: logs}
`;

const service = createLanguageService();
const systemDocument = (text: string) => cardDocument(text, systemCardUri);

describe('diagrams of a system card', () => {
  it('exports the components and data flow as Mermaid: a shape per kind, labels quoted, an edge per known pair', () => {
    assert.equal(
      service.diagramMermaid(systemDocument(smallSystem)),
      [
        'flowchart LR',
        '  gateway["gateway"]',
        '  embedder("bge-small-en-v1.5")',
        '  index[("index")]',
        '  answer_llm("answer-llm")',
        '  review[/"review"\\]',
        '  gateway -->|"user question"| embedder',
        '  embedder -->|"question embedding"| index',
        '  index -->|"passages"| answer_llm',
        '  answer_llm --> review',
        '  review -->|"approved answer"| gateway',
        '',
      ].join('\n'),
    );
  });

  it('has no diagram for a system card without components, nor for a model card', () => {
    assert.equal(service.diagramMermaid(systemDocument('name: Empty\ncomponents: []\n')), undefined);
    assert.equal(service.diagramMermaid(cardDocument('name: x\n')), undefined);
  });

  it('draws a box per component and an arrow per known edge in the preview, at the top of the Components section, each at its line', () => {
    const { html } = service.render(systemDocument(smallSystem), 'developer');
    const components = html.slice(html.indexOf('<section id="components"'), html.indexOf('</section>', html.indexOf('<section id="components"')));
    assert.match(components, /^<section id="components" class="code-line" data-line="1"><h2>Components<\/h2><figure class="flow-diagram"><svg role="img" aria-label="Components and data flow of Support assistant"/);
    const nodes = [...components.matchAll(/<g class="flow-node([^"]*)" data-line="(\d+)"><title>([^<]*)<\/title>/g)].map((match) => [match[1], Number(match[2]), match[3]]);
    assert.deepEqual(nodes, [
      [' kind-service', 2, 'gateway (service)'],
      [' kind-model', 4, 'bge-small-en-v1.5 (model)'],
      [' kind-index', 7, 'index (index)'],
      [' kind-model', 9, 'answer-llm (model)'],
      [' kind-human_review', 11, 'review (human review)'],
    ]);
    const edges = [...components.matchAll(/<g class="flow-edge" data-line="(\d+)"><title>([^<]*)<\/title><path d="M[^"]+" marker-end="url\(#flow-arrow\)"\/><\/g>/g)].map((match) => [Number(match[1]), match[2]]);
    assert.deepEqual(edges, [
      [14, 'gateway → embedder: user question'],
      [15, 'embedder → index: question embedding'],
      [16, 'index → answer-llm: passages'],
      [17, 'answer-llm → review'],
      [18, 'review → gateway: approved answer'],
    ]);
    assert.deepEqual([...components.matchAll(/<g class="flow-edge-label">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((match) => match[1]), [
      'user question',
      'question embedding',
      'passages',
      'approved answer',
    ]);
  });

  it('puts the Mermaid source at the top of the Components section of the Markdown page', () => {
    const markdown = service.renderMarkdown(systemDocument(smallSystem), 'developer');
    const mermaid = service.diagramMermaid(systemDocument(smallSystem))!;
    assert.ok(markdown.includes(`## Components\n\n\`\`\`mermaid\n${mermaid}\`\`\`\n\n| Id | Kind | Name |`), markdown);
  });

  describe('escaping what the card says', () => {
    const payloads = `name: '<script>alert(1)</script>'
components:
  - id: a
    kind: model
    name: '<img src=x onerror=alert(1)>'
  - id: 'b"]; click a call alert(); x["'
    kind: '"><script>alert(2)</script>'
    name: 'javascript:alert(3)'
  - id: end
    kind: tool
    name: 'A & B | C # D'
data_flow:
  - from: a
    to: 'b"]; click a call alert(); x["'
    data: '</text><a href="javascript:alert(4)">x</a>'
  - {from: 'b"]; click a call alert(); x["', to: end, data: '"| click a href "javascript:alert(5)"'}
`;

    it('the SVG holds no element, attribute or link from the card: only text', () => {
      const { html } = service.render(systemDocument(payloads), 'developer');
      const svg = html.slice(html.indexOf('<figure class="flow-diagram">'), html.indexOf('</figure>') + '</figure>'.length);
      const tags = new Set([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((match) => match[1]));
      assert.deepEqual([...tags].sort(), ['defs', 'figure', 'g', 'marker', 'path', 'rect', 'svg', 'text', 'title']);
      const attributes = new Set([...svg.matchAll(/<[a-zA-Z]+((?:\s[\w-]+="[^"]*")*)\/?>/g)].flatMap((match) => [...match[1].matchAll(/\s([\w-]+)=/g)].map((name) => name[1])));
      assert.deepEqual([...attributes].sort(), [
        'aria-label', 'class', 'd', 'data-line', 'height', 'id', 'marker-end', 'markerHeight', 'markerWidth', 'orient', 'refX', 'refY', 'role', 'rx', 'text-anchor', 'viewBox', 'width', 'x', 'y',
      ]);
      assert.equal(svg.match(/</g)!.length, svg.match(/<\/?(defs|figure|g|marker|path|rect|svg|text|title)[\s/>]/g)!.length, 'every < starts one of these tags');
      assert.ok(svg.includes('&#60;img src=x onerror=alert(1)&#62;'));
      assert.ok(svg.includes('aria-label="Components and data flow of &#60;script&#62;alert(1)&#60;/script&#62;"'));
      assert.ok(svg.includes('class="flow-node kind-___script_alert_2___script_"'));
    });

    it('the Mermaid source has the texts as entity codes inside quoted labels, and ids of its own where the card\'s would be syntax', () => {
      const mermaid = service.diagramMermaid(systemDocument(payloads))!;
      assert.equal(
        mermaid,
        [
          'flowchart LR',
          '  a("#60;img src=x onerror=alert(1)#62;")',
          '  b____click_a_call_alert____x__["javascript:alert(3)"]',
          '  end_[["A #38; B #124; C #35; D"]]',
          '  a -->|"#60;/text#62;#60;a href=#34;javascript:alert(4)#34;#62;x#60;/a#62;"| b____click_a_call_alert____x__',
          '  b____click_a_call_alert____x__ -->|"#34;#124; click a href #34;javascript:alert(5)#34;"| end_',
          '',
        ].join('\n'),
      );
      // Outside the quoted labels, every line is an id, a shape and an arrow: no directive.
      for (const line of mermaid.split('\n').slice(1, -1)) assert.match(line.replace(/"[^"]*"/g, '""'), /^ {2}\w+(\S*""\S*|( -->(\|""\|)? \w+))$/);
    });
  });

  it('makes the ids Mermaid cannot read distinct', () => {
    const graph = { title: 't', nodes: ['a-b', 'a_b', '1st', 'click'].map((id) => ({ id, label: id })), edges: [] };
    assert.equal(mermaidFlowchart(graph), 'flowchart LR\n  a_b["a-b"]\n  a_b_2["a_b"]\n  n_1st["1st"]\n  click_["click"]\n');
  });
});

describe('layered layout', () => {
  const box = (id: string) => ({ id, width: 100, height: 40 });

  it('puts each node one layer after its furthest predecessor, left to right, and edges from the right side of one box to the left side of the next', () => {
    const layout = layeredLayout({ nodes: ['a', 'b', 'c', 'd'].map(box), edges: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'a', to: 'c' }, { from: 'd', to: 'c' }], layerGap: 50, nodeGap: 10 });
    const x = (id: string) => layout.nodes.get(id)!.x;
    assert.deepEqual([x('a'), x('b'), x('c'), x('d')], [0, 150, 300, 0]);
    const [first] = layout.edges;
    assert.equal(first![0].x, 100);
    assert.equal(first![first!.length - 1].x, 150);
    // a → c spans a layer: it passes a waypoint in b's layer.
    assert.equal(layout.edges[2]!.length, 3);
    assert.equal(layout.width, 400);
  });

  it('lays out a cycle by turning round the edge that closes it, which then runs right to left', () => {
    const layout = layeredLayout({ nodes: ['a', 'b', 'c'].map(box), edges: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }], layerGap: 50, nodeGap: 10 });
    assert.deepEqual(['a', 'b', 'c'].map((id) => layout.nodes.get(id)!.x), [0, 150, 300]);
    const back = layout.edges[2]!;
    assert.equal(back[0].x, 300, 'leaves c from its left side');
    assert.equal(back[back.length - 1].x, 100, 'reaches a at its right side');
  });

  it('orders a layer to avoid crossings, and leaves out edges to unknown nodes and self-loops', () => {
    const layout = layeredLayout({
      nodes: ['a', 'b', 'x', 'y'].map(box),
      edges: [{ from: 'a', to: 'y' }, { from: 'b', to: 'x' }, { from: 'a', to: 'ghost' }, { from: 'x', to: 'x' }],
      layerGap: 50,
      nodeGap: 10,
    });
    const y = (id: string) => layout.nodes.get(id)!.y;
    assert.ok(y('a') < y('b') && y('y') < y('x'), 'y beside a, x beside b');
    assert.deepEqual([layout.edges[2], layout.edges[3]], [undefined, undefined]);
  });

  it('lays out any graph (cycles, self-loops, duplicate and dangling edges): no overlapping boxes, every edge between known nodes drawn from one to the other', () => {
    const graphs = fc.integer({ min: 1, max: 25 }).chain((size) =>
      fc.record({
        size: fc.constant(size),
        edges: fc.array(fc.record({ from: fc.integer({ min: 0, max: size }), to: fc.integer({ min: 0, max: size }) }), { maxLength: 60 }),
      }),
    );
    fc.assert(
      fc.property(graphs, ({ size, edges }) => {
        const nodes = Array.from({ length: size }, (_, index) => ({ id: `n${index}`, width: 40 + (index % 3) * 30, height: 30 }));
        // Index `size` names a node that does not exist.
        const input = edges.map(({ from, to }) => ({ from: `n${from}`, to: `n${to}` }));
        const layout = layeredLayout({ nodes, edges: input, layerGap: 20, nodeGap: 10 });
        const boxes = [...layout.nodes.values()];
        assert.equal(boxes.length, size);
        boxes.forEach((a, index) =>
          boxes.slice(index + 1).forEach((b) => assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y)),
        );
        input.forEach((edge, index) => {
          const points = layout.edges[index];
          const drawn = edge.from !== edge.to && layout.nodes.has(edge.from) && layout.nodes.has(edge.to);
          assert.equal(points !== undefined, drawn);
          if (!points) return;
          const [from, to] = [layout.nodes.get(edge.from)!, layout.nodes.get(edge.to)!];
          const onSide = (point: { x: number; y: number }, box: typeof from) => (point.x === box.x || point.x === box.x + box.width) && point.y > box.y && point.y < box.y + box.height;
          assert.ok(onSide(points[0], from) && onSide(points[points.length - 1], to));
        });
      }),
    );
  });

  it('lays out 50 components in a long chain with branches and loops without overlapping boxes', () => {
    const nodes = Array.from({ length: 50 }, (_, index) => ({ id: `c${index}`, label: `Component ${index}`, kind: 'model' }));
    const edges = nodes.slice(1).flatMap((node, index) => [{ from: nodes[index].id, to: node.id }, ...(index % 7 === 0 ? [{ from: node.id, to: nodes[Math.floor(index / 2)].id }] : [])]);
    const svg = flowSvg({ title: 'big', nodes, edges });
    const boxes = [...svg.matchAll(/<g class="flow-node[^"]*"><title>[^<]*<\/title><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((match) => match.slice(1).map(Number));
    assert.equal(boxes.length, 50);
    for (const [index, [x, y, width, height]] of boxes.entries()) {
      for (const [x2, y2, width2, height2] of boxes.slice(index + 1)) assert.ok(x + width <= x2 || x2 + width2 <= x || y + height <= y2 || y2 + height2 <= y, 'boxes do not overlap');
    }
    assert.equal((svg.match(/<g class="flow-edge">/g) ?? []).length, edges.length);
  });
});
