import assert from 'node:assert/strict';
import { linkTarget } from '../../../client/src/preview/linkTarget';

const card = 'file:///home/ada/cards/smiles.modelcard.yaml';

describe('links clicked in the preview', () => {
  it('open web pages and e-mail addresses with the system opener', () => {
    assert.deepEqual(linkTarget(card, 'https://example.com/paper'), { kind: 'external', uri: 'https://example.com/paper' });
    assert.deepEqual(linkTarget(card, 'mailto:team@example.com'), { kind: 'external', uri: 'mailto:team@example.com' });
  });

  it('open paths relative to the card in VS Code, without their fragment', () => {
    assert.deepEqual(linkTarget(card, 'docs/eval.md#results'), { kind: 'file', uri: 'file:///home/ada/cards/docs/eval.md' });
    assert.deepEqual(linkTarget(card, '../README.md'), { kind: 'file', uri: 'file:///home/ada/README.md' });
  });

  it('refuse every other scheme, protocol-relative links, and links within the page', () => {
    for (const href of ['data:image/png;base64,AAAA', 'javascript:alert(1)', 'command:workbench.action.quit', 'file:///etc/passwd', '//evil.example/x', '/\\evil.example/x', '#results']) {
      assert.equal(linkTarget(card, href), undefined, href);
    }
  });

  it('open nothing for a relative path in a card that has no folder', () => {
    assert.equal(linkTarget('untitled:Untitled-1', 'docs/eval.md'), undefined);
  });
});
