import assert from 'node:assert/strict';
import { RenderLoop, type CardVersion } from '../../../client/src/preview/renderLoop';
import { FakeClock } from '../../helpers/fakeClock';

/** Lets the loop's pending promise callbacks run (no time passes on the fake clock). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A card being edited, a render function the test answers by hand, and what the loop showed. */
function setUp() {
  const clock = new FakeClock();
  const card: CardVersion = { uri: 'file:///a.modelcard.yaml', version: 1 };
  const requests: { card: CardVersion; answer: (html: string | undefined) => void; fail: (error: Error) => void }[] = [];
  const shown: string[] = [];
  const errors: unknown[] = [];
  const loop = new RenderLoop<string>({
    current: () => ({ ...card }),
    render: (version) => new Promise((resolve, reject) => requests.push({ card: version, answer: resolve, fail: reject })),
    show: (html, version) => shown.push(`${html}@${version.version}`),
    onError: (error) => errors.push(error),
    intervalMs: 300,
    clock,
  });
  return { clock, card, requests, shown, errors, loop };
}

describe('the preview render loop', () => {
  it('renders the first time at once, then at most once per 300 ms while the card changes', async () => {
    const { clock, card, requests, shown, loop } = setUp();
    loop.refresh();
    assert.deepEqual(requests.map((request) => request.card.version), [1]);
    requests[0].answer('one');
    await settle();
    assert.deepEqual(shown, ['one@1']);
    for (const version of [2, 3, 4]) {
      card.version = version;
      loop.refresh();
      clock.advance(50);
    }
    assert.equal(requests.length, 1, 'nothing more before 300 ms have passed');
    clock.advance(150);
    assert.deepEqual(requests.map((request) => request.card.version), [1, 4]);
  });

  it('does not render a version it has shown again, unless invalidated', async () => {
    const { clock, requests, shown, loop } = setUp();
    loop.refresh();
    requests[0].answer('one');
    await settle();
    clock.advance(300);
    loop.refresh();
    clock.advance(300);
    assert.equal(requests.length, 1);
    loop.invalidate();
    assert.equal(requests.length, 2);
    requests[1].answer('one, for another audience');
    await settle();
    assert.deepEqual(shown, ['one@1', 'one, for another audience@1']);
  });

  it('drops a rendering that a later render has overtaken', async () => {
    const { card, requests, shown, loop } = setUp();
    loop.refresh();
    card.version = 2;
    loop.renderNow();
    assert.deepEqual(requests.map((request) => request.card.version), [1, 2]);
    requests[1].answer('two');
    await settle();
    requests[0].answer('one, late');
    await settle();
    assert.deepEqual(shown, ['two@2']);
  });

  it('drops a rendering of the card the preview showed before it switched cards', async () => {
    const { card, requests, shown, loop } = setUp();
    loop.refresh();
    card.uri = 'file:///b.modelcard.yaml';
    loop.renderNow();
    requests[0].answer('card a');
    requests[1].answer('card b');
    await settle();
    assert.deepEqual(shown, ['card b@1']);
    assert.equal(requests[1].card.uri, 'file:///b.modelcard.yaml');
  });

  it('shows nothing and retries on the next change when a version cannot be rendered', async () => {
    const { clock, card, requests, shown, loop } = setUp();
    loop.refresh();
    requests[0].answer(undefined);
    await settle();
    assert.deepEqual(shown, []);
    clock.advance(300);
    loop.refresh();
    assert.equal(requests.length, 2, 'the same version is asked again: it was never shown');
    card.version = 2;
    requests[1].answer('one');
    await settle();
    assert.deepEqual(shown, ['one@1']);
  });

  it('reports a failed render, unless a later render has overtaken it, and nothing after disposal', async () => {
    const { card, requests, shown, errors, loop } = setUp();
    loop.refresh();
    requests[0].fail(new Error('server stopped'));
    await settle();
    assert.deepEqual(errors.map((error) => (error as Error).message), ['server stopped']);
    card.version = 2;
    loop.renderNow();
    card.version = 3;
    loop.renderNow();
    requests[1].fail(new Error('overtaken'));
    await settle();
    assert.equal(errors.length, 1);
    loop.dispose();
    requests[2].answer('three');
    await settle();
    assert.deepEqual(shown, []);
  });
});
