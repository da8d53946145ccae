import { Case, parseCaseFile } from '../engine';
import { describeCellError, readCase } from '../workbook';
import {
  InputError,
  looksLikeWorkbook,
  orInputError,
  readInputFile,
  readJsonFile,
} from './read-input';
import { readXlsxSnapshot } from './xlsx/read-xlsx';

/**
 * The case of a scenario file or an input workbook; every input error listed, by path or cell.
 * A workbook is known by its content, not its name (.xlsx, .xlsm, or one without extension).
 * A case file's `lesson` (workshop cases) comes along for the summary sheet.
 */
export function readCaseInput(path: string): { c: Case; workbook?: Buffer; lesson?: string } {
  const workbook = readInputFile(path);
  if (!/\.xls[xm]$/i.test(path) && !looksLikeWorkbook(workbook)) {
    const raw = readJsonFile(path);
    const lesson = (raw as { lesson?: unknown } | null)?.lesson;
    return {
      c: orInputError(path, parseCaseFile(raw)),
      lesson: typeof lesson === 'string' ? lesson : undefined,
    };
  }
  let read;
  try {
    read = readCase(readXlsxSnapshot(workbook));
  } catch (e) {
    throw new InputError(`${path}: ${(e as Error).message}`);
  }
  if (!read.ok) {
    const count = read.errors.length;
    throw new InputError(
      `${path}: ${count} input error${count === 1 ? '' : 's'} / 入力エラー ${count} 件 (nothing written / 出力なし)`,
      read.errors.map(describeCellError),
    );
  }
  return { c: read.case, workbook };
}
