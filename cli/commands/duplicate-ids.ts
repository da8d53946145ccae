import { ROW_ERROR_LIST_CAP, RowError } from '../../engine';

/**
 * Finds firm ids that repeat an earlier row, in flat memory: each id is kept only as a 64-bit
 * fingerprint (two independent 32-bit hashes) and its first row, in typed arrays with open
 * addressing — 12 bytes a slot, at most half full, no object per firm. Two different ids share
 * a fingerprint with odds about n² / 2⁶⁵ (3 in 100 million for a million firms); the message
 * names both rows, so such a refusal could be checked by eye.
 */
export class DuplicateIds {
  private first = new Uint32Array(1 << 16);
  private second = new Uint32Array(1 << 16);
  /** Row of the first firm with the fingerprint; 0 = empty slot. */
  private rows = new Uint32Array(1 << 16);
  private size = 0;
  readonly duplicates: RowError[] = [];
  duplicateCount = 0;

  add(ids: readonly string[], rows: readonly number[]): void {
    for (let i = 0; i < ids.length; i++) this.addOne(ids[i], rows[i]);
  }

  private addOne(id: string, row: number): void {
    if (2 * (this.size + 1) > this.rows.length) this.grow();
    const [a, b] = fingerprint(id);
    const earlier = this.insert(a, b, row);
    if (earlier === 0) {
      this.size++;
      return;
    }
    this.duplicateCount++;
    if (this.duplicates.length < ROW_ERROR_LIST_CAP) {
      this.duplicates.push({
        row,
        column: 'id',
        message: `repeats the id of row ${earlier} / 行 ${earlier} と同じ企業IDです`,
        value: id,
      });
    }
  }

  /** Inserts the fingerprint; returns the earlier row holding it, or 0 when new. */
  private insert(a: number, b: number, row: number): number {
    const mask = this.rows.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      if (this.rows[slot] === 0) {
        this.first[slot] = a;
        this.second[slot] = b;
        this.rows[slot] = row;
        return 0;
      }
      if (this.first[slot] === a && this.second[slot] === b) return this.rows[slot];
    }
  }

  private grow(): void {
    const { first, second, rows } = this;
    this.first = new Uint32Array(rows.length * 2);
    this.second = new Uint32Array(rows.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    for (let i = 0; i < rows.length; i++)
      if (rows[i] !== 0) this.insert(first[i], second[i], rows[i]);
  }

  /** Bytes the table holds (for the measured figures in the README). */
  get bytes(): number {
    return this.rows.length * 12;
  }
}

/** FNV-1a and a multiply-xorshift hash of the UTF-16 code units, as unsigned 32-bit. */
function fingerprint(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x85ebca6b);
    b ^= b >>> 13;
  }
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  return [a >>> 0, (b ^ (b >>> 16)) >>> 0];
}
