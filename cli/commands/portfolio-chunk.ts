import {
  AmountUnit,
  FirmCsvHeader,
  PortfolioOptions,
  PortfolioPartial,
  RowError,
  readFirmCsvLines,
  stressFirms,
} from '../../engine';

/** What every chunk of a run shares (sent once to each worker). */
export interface ChunkSetup {
  header: FirmCsvHeader;
  options: PortfolioOptions;
  unit: AmountUnit;
}

/** A run of consecutive CSV lines; `index` orders the results, `firstRow` numbers the rows. */
export interface ChunkTask {
  index: number;
  firstRow: number;
  lines: string[];
}

export interface ChunkResult {
  index: number;
  partial: PortfolioPartial;
  errors: RowError[];
  errorCount: number;
  badRows: number;
  /** The ids of the firms read, and their rows: checked for repeats across chunks. */
  ids: string[];
  idRows: number[];
}

/** Lines → firms → partial sums: the whole of a chunk's work, in a worker or in-process. */
export function processChunk(setup: ChunkSetup, task: ChunkTask): ChunkResult {
  const read = readFirmCsvLines(setup.header, task.lines, task.firstRow, setup.unit);
  return {
    index: task.index,
    partial: stressFirms(read.firms, read.rows, setup.options),
    errors: read.errors,
    errorCount: read.errorCount,
    badRows: read.badRows,
    ids: read.firms.map((f) => f.id),
    idRows: read.rows,
  };
}
