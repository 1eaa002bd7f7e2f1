import assert from 'node:assert/strict';
import { ScrollEchoGuard } from '../../../client/src/preview/scrollEcho';
import { Throttle } from '../../../client/src/preview/throttle';
import { FakeClock } from '../../helpers/fakeClock';

describe('the preview throttle', () => {
  let clock: FakeClock;
  let runs: number[];
  let throttle: Throttle;

  beforeEach(() => {
    clock = new FakeClock();
    runs = [];
    throttle = new Throttle(() => runs.push(clock.now()), 300, clock);
  });

  it('runs at once when idle, then once at the end of the interval for all the calls made meanwhile', () => {
    throttle.trigger();
    assert.deepEqual(runs, [0]);
    clock.advance(100);
    throttle.trigger();
    clock.advance(50);
    throttle.trigger();
    assert.deepEqual(runs, [0]);
    clock.advance(150);
    assert.deepEqual(runs, [0, 300]);
    clock.advance(1000);
    assert.deepEqual(runs, [0, 300]);
  });

  it('keeps up with steady calls instead of waiting for a pause (unlike a debounce)', () => {
    for (let time = 0; time < 1000; time += 50) {
      throttle.trigger();
      clock.advance(50);
    }
    clock.advance(300);
    assert.deepEqual(runs, [0, 300, 600, 900, 1200]);
  });

  it('runs at once again after a pause as long as the interval', () => {
    throttle.trigger();
    clock.advance(300);
    throttle.trigger();
    assert.deepEqual(runs, [0, 300]);
    clock.advance(299);
    throttle.trigger();
    assert.deepEqual(runs, [0, 300]);
    clock.advance(1);
    assert.deepEqual(runs, [0, 300, 600]);
  });

  it('drops the pending run when cancelled', () => {
    throttle.trigger();
    throttle.trigger();
    throttle.cancel();
    clock.advance(1000);
    assert.deepEqual(runs, [0]);
    assert.equal(clock.pendingTimers, 0);
  });
});

describe('the scroll echo guard', () => {
  it('takes editor scrolls within 200 ms of the preview scrolling the editor as echoes, and later ones as the user’s', () => {
    const clock = new FakeClock();
    const guard = new ScrollEchoGuard(200, clock);
    assert.equal(guard.isEcho(), false);
    guard.expectEcho();
    clock.advance(199);
    assert.equal(guard.isEcho(), true);
    clock.advance(1);
    assert.equal(guard.isEcho(), false);
  });
});
