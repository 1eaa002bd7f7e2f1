import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSettings } from '../../../server/src/protocol';
import { createLanguageService } from '../../../server/src/service/languageService';
import { graphicsUnder } from '../../../server/src/service/render/graphicSources';
import { cardDocument, seedSample } from '../../helpers/cards';

const example = (name: string) => readFileSync(path.resolve(__dirname, '../../../examples', `${name}.modelcard.yaml`), 'utf8');
const render = (text: string, audience: 'developer' | 'reviewer' | 'compliance' | 'public' = 'developer') =>
  createLanguageService().render(cardDocument(text), audience);

describe('rendering a card for the preview', () => {
  it('renders every section of the smiling-detection card with a heading, at the line of its key', () => {
    const text = example('smiling-detection');
    const { html, title, status, completeness, errors, warnings } = render(text);
    assert.deepEqual({ title, status, completeness, errors, warnings }, { title: 'Smiling Detection in Images', status: 'approved', completeness: 100, errors: 0, warnings: 0 });
    const lines = text.split('\n');
    for (const section of ['intended_use', 'factors', 'metrics', 'evaluation_data', 'training_data', 'quantitative_analyses', 'ethical_considerations', 'caveats_and_recommendations', 'limitations', 'environment', 'governance']) {
      const match = new RegExp(`<section id="${section}" class="code-line" data-line="(\\d+)"><h2>`).exec(html);
      assert.ok(match, `section ${section}`);
      assert.ok(lines[Number(match[1])].startsWith(`${section}:`), `${section} stamped with its own line`);
    }
    assert.match(html, /<div class="code-line" data-line="\d+"><\/div>$/);
  });

  it('shows metric results as a table and one bar chart with whiskers per metric reported by slice', () => {
    const { html } = render(example('smiling-detection'));
    assert.equal((html.match(/<tbody>[\s\S]*?<\/tbody>/)![0].match(/<tr /g) ?? []).length, 6);
    const charts = html.match(/<figure class="metric-chart" data-metric="([^"]+)">/g) ?? [];
    assert.deepEqual(charts.map((chart) => /data-metric="([^"]+)"/.exec(chart)![1]), ['false_positive_rate', 'false_negative_rate']);
    const firstChart = html.slice(html.indexOf('<figure'), html.indexOf('</figure>'));
    assert.equal((firstChart.match(/<rect class="bar"/g) ?? []).length, 3);
    assert.equal((firstChart.match(/<g class="whisker">/g) ?? []).length, 3);
    assert.match(firstChart, /<text class="label"[^>]*>age: old, gender: male<\/text>/);
  });

  it('places findings beside the section they concern, and missing sections in the header', () => {
    const { html } = render(example('typical-mistakes'));
    const metrics = html.slice(html.indexOf('<section id="metrics"'), html.indexOf('</section>', html.indexOf('<section id="metrics"')));
    assert.match(metrics, /<li class="finding error" data-line="\d+"><span class="code">MC022<\/span>/);
    const headerHtml = html.slice(0, html.indexOf('</header>'));
    assert.match(headerHtml, /<span class="code">MC001<\/span> The card has no `limitations`/);
  });

  it('shows every finding once: those on the header or a custom field in the header, and all of them when the card has no sections to hold them', () => {
    const onHeaderAndCustomField = `${seedSample.replace("version: '1.0'", 'version: 1.10')}x-team:\n  lead: Ada\n  lead: Bo\n`;
    const bomb = `name: Laughs\na0: &a0 [lol, lol]\n${Array.from({ length: 30 }, (_, level) => `a${level + 1}: &a${level + 1} [*a${level}, *a${level}]`).join('\n')}\n`;
    for (const text of [onHeaderAndCustomField, bomb, 'just a string\n']) {
      const { html } = render(text);
      const codes = (part: string) => [...part.matchAll(/<span class="code">(MC\d+)<\/span>/g)].map((match) => match[1]);
      const expected = createLanguageService().validate(cardDocument(text), defaultSettings).map((finding) => String(finding.code));
      assert.ok(expected.length > 0);
      assert.deepEqual(codes(html).sort(), expected.sort(), text);
    }
    const { html } = render(onHeaderAndCustomField);
    const headerHtml = html.slice(0, html.indexOf('</header>'));
    assert.match(headerHtml, /<li class="finding warning" data-line="1"><span class="code">MC044<\/span>/);
    assert.match(headerHtml, /<li class="finding error" data-line="7"><span class="code">MC041<\/span>/);
  });

  it('stamps entries, list items and the blocks of literal text with the card line they start on', () => {
    const { html } = render(
      [
        'name: Stamped', //                                    0
        'intended_use:', //                                    1
        '  primary_uses:', //                                  2
        '    - Photos', //                                     3
        '    - Albums', //                                     4
        '  out_of_scope: |', //                                5
        '    First paragraph.', //                             6
        '', //                                                 7
        '    - a listed use', //                               8
        'architecture: >-', //                                 9
        '  folded text', //                                   10
        'x-team:', //                                         11
        '  lead: Ada', //                                     12
        '',
      ].join('\n'),
    );
    assert.ok(
      html.includes(
        '<dt class="code-line" data-line="2">Primary uses</dt><dd><ul><li class="code-line" data-line="3">Photos</li><li class="code-line" data-line="4">Albums</li></ul></dd>' +
          '<dt class="code-line" data-line="5">Out of scope</dt><dd><p class="code-line" data-line="6">First paragraph.</p>\n<ul>\n<li class="code-line" data-line="8">a listed use</li>',
      ),
      html,
    );
    // Folded text loses the card's line breaks: only its row carries a line.
    assert.ok(html.includes('<tr class="code-line" data-line="9"><th>Architecture</th><td><p>folded text</p>'), html);
    assert.ok(html.includes('<dt class="code-line" data-line="11">Team</dt><dd><dl><dt class="code-line" data-line="12">Lead</dt>'), html);
  });

  it('gives no line to values that come from an alias', () => {
    const { html } = render('name: Aliased\nfactors: &shared\n  - age\ncaveats_and_recommendations: *shared\n');
    assert.ok(html.includes('<section id="factors" class="code-line" data-line="1"><h2>Factors</h2><ul><li class="code-line" data-line="2">age</li></ul>'), html);
    assert.ok(html.includes('<section id="caveats_and_recommendations" class="code-line" data-line="3"><h2>Caveats and recommendations</h2><ul><li>age</li></ul>'), html);
  });

  it('scores completeness over the recommended sections', () => {
    const { completeness, html } = render(seedSample);
    assert.equal(completeness, 18);
    assert.match(html, /Still to write: Model details \(name, version, owners, licence\), Intended uses, Out-of-scope uses, Factors, Evaluation data/);
  });

  it('hides findings and governance from the public audience, and shows governance first to reviewers', () => {
    const text = example('smiling-detection');
    assert.doesNotMatch(render(text, 'public').html, /id="governance"|class="findings"|class="counts"/);
    const reviewer = render(text, 'reviewer').html;
    assert.ok(reviewer.indexOf('id="governance"') < reviewer.indexOf('id="intended_use"'));
  });

  it('shows script payloads in text fields as text and emits no active content', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '[click me](javascript:alert(3))',
      '<svg onload=alert(4)><script>alert(5)</script></svg>',
      '![pixel](https://tracker.example/p.png)',
      '"><iframe src=javascript:alert(6)>',
    ];
    const card = [
      'name: "<script>alert(0)</script>"',
      `summary: '${payloads[1]}'`,
      'description: |',
      ...payloads.map((payload) => `  ${payload}`),
      'limitations:',
      ...payloads.map((payload) => `  - '${payload.replace(/'/g, "''")}'`),
      'metrics:',
      '  - name: "<b onmouseover=alert(7)>acc</b>"',
      '    value: 0.5',
      '    slice: {"<script>": "x"}',
      '  - name: "<b onmouseover=alert(7)>acc</b>"',
      '    value: 0.6',
      '    slice: overall',
      'x-notes: "<script>alert(8)</script>"',
      '',
    ].join('\n');
    const { html } = render(card);
    assert.doesNotMatch(html, /<script|<iframe|<img|<svg onload|<b /i);
    // Text and attribute values escape every quote, so dropping quoted values leaves only markup.
    const markup = html.replace(/"[^"]*"/g, '""');
    assert.doesNotMatch(markup, /<[a-z][^>]*\son\w+\s*=/i, 'no event-handler attribute on any element');
    assert.doesNotMatch(html, /href\s*=\s*["']?\s*javascript:/i);
    assert.match(html, /&#60;script&#62;alert\(0\)&#60;\/script&#62;/);
    assert.deepEqual(html.match(/data-line="[^"]*"/g)?.filter((attribute) => !/^data-line="\d+"$/.test(attribute)), [], 'line stamps are numbers only');
  });

  it('shows the new result fields only where results fill them: unit, fairness tests across a factor, acceptance, model variant', () => {
    const text = `name: Loans
variants: [{name: v1}, {name: v5}]
factors: {evaluation: [gender]}
metrics:
  - {name: accuracy, value: 91.5, unit: percent, model: v5}
  - {name: latency_p95, value: 120, unit: ms, model: v5}
  - {name: fpr_ratio, value: 0.86, across: gender, acceptance: {threshold: 0.8, operator: '>=', passed: true}}
metric_definitions:
  - {name: fpr_ratio, description: Lowest over highest false positive rate, rationale: The four-fifths rule}
`;
    const { html } = render(text);
    const table = html.slice(html.indexOf('<table class="metrics">'), html.indexOf('</table>', html.indexOf('<table class="metrics">')));
    assert.ok(table.includes('<thead><tr><th>Metric</th><th>Value</th><th>Slice</th><th>Model</th><th>Acceptance</th></tr></thead>'), table);
    assert.ok(table.includes('<td>accuracy</td><td>91.5 %</td><td>overall</td><td>v5</td><td></td>'), table);
    assert.ok(table.includes('<td>latency_p95</td><td>120 ms</td>'), table);
    assert.ok(table.includes('<td>fpr_ratio</td><td>0.86</td><td>across gender</td><td></td><td>passed (≥ 0.8)</td>'), table);
    assert.match(html, /<section id="variants" class="code-line" data-line="1"><h2>Model variants<\/h2>/);
    assert.match(html, /<section id="metric_definitions" class="code-line" data-line="7"><h2>Metric definitions<\/h2>/);
    assert.ok(html.indexOf('id="variants"') < html.indexOf('id="factors"') && html.indexOf('id="metrics"') < html.indexOf('id="metric_definitions"'));
  });

  it('shows figures from relative image paths through the given source, and never fetches other paths', () => {
    const text = 'name: Figures\ngraphics:\n  - {name: Recall by age, path: figures/recall by age.png, description: With *95%* intervals}\n  - {name: Remote, path: "https://example.com/x.png"}\n  - {name: Absolute, path: /etc/x.png}\n';
    const { html } = createLanguageService().render(cardDocument(text), 'developer', undefined, graphicsUnder('https://file+.vscode-resource.vscode-cdn.net/cards'));
    assert.ok(html.includes('<figure class="graphic code-line" data-line="2"><img src="https://file+.vscode-resource.vscode-cdn.net/cards/figures/recall%20by%20age.png" alt="With *95%* intervals"><figcaption><strong>Recall by age</strong> With <em>95%</em> intervals</figcaption>'), html);
    assert.ok(html.includes('<p class="graphic-path">https://example.com/x.png</p>'), html);
    assert.ok(html.includes('<p class="graphic-path">/etc/x.png</p>'), html);
    assert.equal((html.match(/<img /g) ?? []).length, 1);
    assert.ok(!render(text).html.includes('<img '), 'no source given: paths only');
  });
});
