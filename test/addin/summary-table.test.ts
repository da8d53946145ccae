import { cellText } from '../../addin/taskpane/summary-table';

describe('summary cell text', () => {
  test.each([
    [{ pass: false, lowestDscr: 0.998 }, '✗ 0.99'], // cut, not rounded up into a "1.00"
    [{ pass: true, lowestDscr: 1 }, '✓ 1.00'],
    [{ pass: true, lowestDscr: 1.01 }, '✓ 1.01'], // 1.01 × 100 is 100.99999999999999 in binary
    [{ pass: true, lowestDscr: 1.2999 }, '✓ 1.29'],
    [{ pass: false, lowestDscr: -0.5 }, '✗ -0.50'],
    [{ pass: true, lowestDscr: null }, '✓ —'],
  ])('%j → %s', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});
