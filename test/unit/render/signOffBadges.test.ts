import assert from 'node:assert/strict';
import { defaultSettings } from '../../../server/src/protocol';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument } from '../../helpers/cards';
import { governedCard, samplePolicy } from '../../helpers/policies';
import { completeCard } from '../../helpers/ruleTests';

const signed = governedCard(completeCard, {
  status: 'approved',
  risk: 'high',
  signOffs: [
    { section: 'intended_use', role: 'clinician', name: 'A. Rivera' },
    { section: 'limitations', role: 'data science', name: 'J. Park' },
  ],
}).replace('May misclassify rare images', 'May misclassify rare and dark images');

/** The sign-off badges of a section of the technical document, as [state, text] pairs. */
function badges(html: string, section: string): [string, string][] {
  const sectionHtml = new RegExp(`<section id="${section}"[^>]*>(.*?)</section>`, 's').exec(html)?.[1] ?? '';
  return [...sectionHtml.matchAll(/<span class="signoff signoff-(\w+)" data-signoff="\w+" data-section="[^"]*">([^<]*)<\/span>/g)].map((match) => [match[1], match[2]]);
}

describe('sign-off badges in the technical document', () => {
  it('shows a valid, stale or missing badge per section, with the policy’s requirements', () => {
    const { html } = createLanguageService().render(cardDocument(signed), 'technical', { ...defaultSettings, policy: samplePolicy });
    assert.deepEqual(badges(html, 'intended_use'), [['valid', '✓ Signed off by A. Rivera (clinician), 2026-03-02']]);
    assert.deepEqual(badges(html, 'limitations'), [['stale', '⚠ Stale sign-off by J. Park (data science), 2026-03-02: changed since']]);
    assert.deepEqual(badges(html, 'metrics'), [['missing', '○ Sign-off needed from data science before approved']]);
    assert.deepEqual(badges(html, 'evaluation_data'), []);
  });

  it('shows the same sign-offs in the Markdown document, and no requirement without a policy', () => {
    const markdown = createLanguageService().renderMarkdown(cardDocument(signed), 'technical');
    assert.ok(markdown.includes('## Limitations\n\n⚠ Stale sign-off by J. Park (data science), 2026-03-02: changed since\n'), markdown);
    assert.ok(!markdown.includes('Sign-off needed'));
  });
});
