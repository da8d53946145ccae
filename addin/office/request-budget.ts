/**
 * How much one `context.sync()` may carry. Excel on the web rejects a request (the batch of
 * one sync) over 5 MB, so there writes are flushed with an extra sync before the queued
 * payload would pass a budget kept well under it. Excel on Windows and Mac has no such limit,
 * but one request is built and serialised on the pane's thread and applied by Excel in one go:
 * a 20 MB request (100,000 schedule rows) keeps both busy long enough for Office to find the
 * add-in unresponsive (it restarts one that does not answer for 5 s). So desktop has a budget
 * too, larger than the web's (fewer round trips where there is no hard limit).
 */

/** Bytes a request may carry on Excel on the web: 5 MB is refused, keep 1 MB of headroom. */
export const WEB_REQUEST_BUDGET = 4_000_000;

/** Bytes the request adds per queued action besides its data (ids, names, object paths). */
export const ACTION_OVERHEAD_BYTES = 300;

/**
 * At most this many cells in one range write: larger writes are split into row blocks.
 * Microsoft's guidance for large ranges is to write them in parts, as one huge range operation
 * can fail on resource limits even where the request size is not limited; 20,000 cells of a
 * schedule are about 250 KB of JSON. Blocks cost actions, not syncs.
 */
export const MAX_BLOCK_CELLS = 20_000;

/**
 * Bytes a request may carry on Excel on Windows and Mac: about 0.1 s to serialise on the pane's
 * thread (measured by `npm run bench` on the fake Excel) and a few seconds' work for Excel at
 * most, far from the 5 s after which Office restarts an unresponsive add-in.
 */
export const DESKTOP_REQUEST_BUDGET = 8_000_000;

/** The request budget for a platform (`Office.context.platform`). */
export function requestBudgetFor(platform: string | undefined): number {
  return platform === 'OfficeOnline' ? WEB_REQUEST_BUDGET : DESKTOP_REQUEST_BUDGET;
}

/** UTF-8 bytes of a string as JSON (quotes and escapes included), without building it. */
export function jsonStringBytes(s: string): number {
  let bytes = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) bytes += 2;
    // \b \t \n \f \r; other control characters as \u00XX.
    else if (c < 0x20) bytes += c >= 8 && c <= 13 && c !== 11 ? 2 : 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    // A surrogate pair is 4 bytes in UTF-8: 2 + 2 for its two halves.
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** UTF-8 bytes of a cell value as JSON. */
export function jsonCellBytes(v: string | number | boolean | null): number {
  if (typeof v === 'string') return jsonStringBytes(v);
  if (typeof v === 'number') {
    // Whole yen, the bulk of a schedule: count digits without building a string.
    if (v % 1 === 0 && v > -1e15 && v < 1e15) {
      const x = v < 0 ? -v : v;
      let digits = v < 0 ? 2 : 1;
      for (let p = 10; x >= p; p *= 10) digits++;
      return digits;
    }
    return String(v).length;
  }
  if (typeof v === 'boolean') return v ? 4 : 5;
  return 4;
}

/**
 * The sync batches of one `Excel.run` that writes. Each write reserves its estimated bytes
 * first; when the batch would pass the budget, the queued writes are sent with a sync. Every
 * batch that writes starts by suspending calculation and screen updating until its sync.
 */
export class RequestBatch {
  private queued = 0;
  private open = false;
  private openedAt = 0;
  /** Syncs made by this batch so far. */
  syncs = 0;
  /** Milliseconds of each batch, from its first queued write to its sync's return. */
  readonly syncMs: number[] = [];
  /** Of which in `context.sync()` itself (sending, Excel applying, answering). */
  readonly sendMs: number[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    /** Called after each sync (progress). */
    private readonly onSync?: () => void,
  ) {}

  /** Makes room for a write of about `bytes` (flushing first if needed), then counts it. */
  async reserve(bytes: number): Promise<void> {
    const size = bytes + ACTION_OVERHEAD_BYTES;
    if (this.queued > 0 && this.queued + size > this.budget) await this.flush();
    if (!this.open) {
      // Suspended until the next sync only: called again at the start of every batch.
      this.context.application.suspendApiCalculationUntilNextSync(); // ExcelApi 1.6
      this.context.application.suspendScreenUpdatingUntilNextSync(); // ExcelApi 1.9
      this.open = true;
      this.openedAt = performance.now();
    }
    this.queued += size;
  }

  /** Sends what is queued (a no-op when nothing is). */
  async flush(): Promise<void> {
    if (!this.open) return;
    const sent = performance.now();
    await this.context.sync();
    this.syncs++;
    const now = performance.now();
    this.syncMs.push(now - this.openedAt);
    this.sendMs.push(now - sent);
    this.queued = 0;
    this.open = false;
    this.onSync?.();
  }
}
