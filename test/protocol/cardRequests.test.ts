import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  cardDataRequest,
  cardSummaryRequest,
  diagramMermaidRequest,
  governanceEditsRequest,
  renderRequest,
  type CardData,
  type CardSummary,
  type DiagramMermaid,
  type GovernanceEdits,
  type PreviewAudience,
  type RenderedCard,
} from '../../server/src/protocol';
import { seedSample } from '../helpers/cards';
import { LspTestClient } from '../helpers/lspClient';

const uri = 'file:///work/image-classifier.modelcard.yaml';
const textDocument = { uri };

describe('the custom card requests over JSON-RPC', () => {
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start();
  });

  afterEach(() => {
    if (client.isRunning) client.kill();
  });

  it('answers null for a card the client has not opened', async () => {
    assert.equal(await client.request(cardSummaryRequest, { textDocument }), null);
    assert.equal(await client.request(cardDataRequest, { textDocument }), null);
    assert.equal(await client.request(governanceEditsRequest, { textDocument, change: { status: 'in_review' } }), null);
    assert.equal(await client.request(renderRequest, { textDocument, audience: 'developer' }), null);
  });

  it('summarizes the open card, gives its data, and edits its governance at the version it has', async () => {
    await client.open(uri, seedSample, 7);
    assert.deepEqual(await client.request<CardSummary>(cardSummaryRequest, { textDocument }), { name: 'ImageClassifier' });
    const data = await client.request<CardData>(cardDataRequest, { textDocument });
    assert.deepEqual(data, { data: { name: 'ImageClassifier', version: '1.0', metrics: { accuracy: 0.92 }, limitations: 'May misclassify rare images' }, errorCount: 0 });

    const result = await client.request<GovernanceEdits>(governanceEditsRequest, { textDocument, change: { status: 'in_review' } });
    assert.equal(result.version, 7);
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'modelcard', 7, seedSample), result.edits);
    assert.equal(edited, `${seedSample}governance:\n  status: in_review\n`);

    await client.change(uri, 8, [{ text: edited }]);
    assert.deepEqual(await client.request<CardSummary>(cardSummaryRequest, { textDocument }), { name: 'ImageClassifier', status: 'in_review' });
  });

  it("gives a system card's diagram as Mermaid source, and none for a model card", async () => {
    const systemUri = 'file:///work/assistant.systemcard.yaml';
    await client.open(systemUri, 'name: Assistant\ncomponents:\n  - {id: retriever, kind: retriever}\n  - {id: llm, kind: model}\ndata_flow:\n  - {from: retriever, to: llm, data: passages}\n');
    await client.open(uri, seedSample);
    assert.deepEqual(await client.request<DiagramMermaid>(diagramMermaidRequest, { textDocument: { uri: systemUri } }), {
      mermaid: 'flowchart LR\n  retriever[/"retriever"/]\n  llm("llm")\n  retriever -->|"passages"| llm\n',
    });
    assert.deepEqual(await client.request<DiagramMermaid>(diagramMermaidRequest, { textDocument }), {});
    assert.equal(await client.request(diagramMermaidRequest, { textDocument: { uri: 'file:///work/closed.systemcard.yaml' } }), null);
  });

  describe('modelcard/render', () => {
    /** The seed sample with an accuracy above 1 on line 3 (an MC022 error); it also lacks intended uses and ethical considerations (MC003, MC005). */
    const cardWithError = seedSample.replace('accuracy: 0.92', 'accuracy: 1.7');
    const render = (audience: PreviewAudience) => client.request<RenderedCard>(renderRequest, { textDocument, audience });
    /** Each section of the rendered card, with the card line it is stamped with. */
    const sectionsOf = ({ html }: RenderedCard) => [...html.matchAll(/<section id="(\w+)" class="code-line" data-line="(\d+)">/g)].map((match) => [match[1], Number(match[2])]);
    /** The finding codes listed in the part of the page that starts at `start`, up to its end tag. */
    const findingCodes = (html: string, start: string, end: string) => {
      const part = html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)));
      return [...part.matchAll(/<li class="finding (\w+)" data-line="(\d+)"><span class="code">(MC\d+)<\/span>/g)].map((match) => `${match[3]} ${match[1]} line ${match[2]}`);
    };

    it('renders the open card at the version it has: title, sections at their lines, counts, and findings beside their section', async () => {
      await client.open(uri, cardWithError, 3);
      const rendered = await render('developer');
      const { html, ...summary } = rendered;
      assert.deepEqual(summary, { title: 'ImageClassifier', completeness: 18, errors: 1, warnings: 3, version: 3, audience: 'technical' });
      assert.deepEqual(sectionsOf(rendered), [['metrics', 2], ['limitations', 4]]);
      assert.ok(html.startsWith('<header class="code-line card-header" data-line="0"><h1>ImageClassifier <span class="version">v1.0</span></h1>'), html);
      assert.deepEqual(findingCodes(html, '<header', '</header>'), ['MC003 warning line 0', 'MC005 warning line 0', 'MC020 warning line 2']);
      assert.deepEqual(findingCodes(html, '<section id="metrics"', '</section>'), ['MC022 error line 3']);
      assert.match(html, /<tr><td>accuracy<\/td><td>1\.7<\/td>/);
    });

    it('follows edits: renders the version the server has', async () => {
      await client.open(uri, cardWithError, 3);
      await client.change(uri, 4, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 21 } }, text: 'Renamed <b>' }]);
      const rendered = await render('developer');
      assert.deepEqual([rendered.title, rendered.version], ['Renamed <b>', 4]);
      assert.ok(rendered.html.includes('<h1>Renamed &#60;b&#62; <span class="version">'), rendered.html);
    });

    it('gives each audience its document (earlier names too), and reviewers governance first', async () => {
      await client.open(uri, `${cardWithError}governance:\n  status: in_review\n`, 1);
      for (const [audience, document] of [['summary', 'summary'], ['public', 'summary'], ['regulatory', 'regulatory'], ['compliance', 'regulatory'], ['technical', 'technical']] as const) {
        const rendered = await render(audience);
        assert.equal(rendered.audience, document, audience);
        if (document !== 'technical') assert.ok(rendered.html.startsWith(`<article class="audience-${document}">`), rendered.html);
      }
      const summary = await render('summary');
      assert.deepEqual(sectionsOf(summary), []);
      assert.doesNotMatch(summary.html, /class="finding|MC0\d\d/);
      const forReviewer = await render('reviewer');
      assert.deepEqual(sectionsOf(forReviewer), [['governance', 5], ['metrics', 2], ['limitations', 4]]);
      assert.equal(forReviewer.status, 'in_review');
    });

    it("renders with the client's settings: a rule turned off shows no finding and is not counted", async () => {
      client.kill();
      client = await LspTestClient.start({ configuration: (items) => items.map(() => ({ rules: { MC003: 'off', 'metric-out-of-range': 'warning' } })) });
      await client.open(uri, cardWithError, 1);
      const { html, errors, warnings } = await render('developer');
      assert.deepEqual({ errors, warnings }, { errors: 0, warnings: 3 });
      assert.deepEqual(findingCodes(html, '<header', '</header>'), ['MC005 warning line 0', 'MC020 warning line 2']);
      assert.deepEqual(findingCodes(html, '<section id="metrics"', '</section>'), ['MC022 warning line 3']);
    });
  });
});
