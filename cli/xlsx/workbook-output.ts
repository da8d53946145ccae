import { WorkbookPatch } from '../../workbook/patch';
import { InputError } from '../read-input';
import { readXlsxSnapshot } from './read-xlsx';
import { XlsxWriteError, writeXlsx } from './write-xlsx';

/**
 * The results workbook for `-o`, or an InputError naming the output and the sheet in the way:
 * a result sheet the user renamed still holds our table names (RateShockMatrix, …), which a
 * workbook may hold only once — it is named, to delete or rename back, never overwritten.
 */
export function writeWorkbookOrRefuse(
  outPath: string,
  patch: WorkbookPatch,
  base?: { path: string; bytes: Uint8Array },
): Uint8Array[] {
  if (base) {
    const ours = new Map(
      patch.sheets.flatMap((s) => s.tables.map((t) => [t.name.toLowerCase(), s.name] as const)),
    );
    const replaced = new Set(patch.replaces);
    for (const t of readXlsxSnapshot(base.bytes).tables) {
      const sheet = ours.get(t.name.toLowerCase());
      if (sheet === undefined || replaced.has(t.sheet)) continue;
      throw new InputError(
        `${outPath}: シート「${t.sheet}」に RateShock の表 ${t.name} があります (結果シート「${sheet}」の名前を変えましたか?)。そのシートを削除するか「${sheet}」に戻してください / ` +
          `sheet "${t.sheet}" holds RateShock's table ${t.name} (a renamed "${sheet}" result sheet?): delete that sheet or rename it back to "${sheet}" (nothing written)`,
      );
    }
  }
  try {
    return writeXlsx(patch, base?.bytes);
  } catch (e) {
    if (!(e instanceof XlsxWriteError)) throw e;
    // What the writer refuses is in the input workbook (its parts, its sheets): named so.
    throw new InputError(`${base?.path ?? outPath}: ${e.message} (nothing written / 出力なし)`);
  }
}
