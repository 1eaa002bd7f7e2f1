import assert from 'node:assert/strict';
import { isCalendarDate, isoDate } from '../../../server/src/service/text/calendar';

describe('review dates', () => {
  it('default to the local day as YYYY-MM-DD', () => {
    assert.equal(isoDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    assert.equal(isoDate(new Date(2026, 11, 31, 0, 0)), '2026-12-31');
  });

  it('accept real days only', () => {
    for (const day of ['2026-11-24', '2024-02-29']) assert.equal(isCalendarDate(day), true, day);
    for (const text of ['2026-02-29', '2026-13-01', '2026-11-31', '26-11-24', '2026-11-24T10:00', 'today', '']) assert.equal(isCalendarDate(text), false, text);
  });
});
