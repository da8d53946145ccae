import { inputTemplate } from '../../workbook';
import { writeFileAtomically } from '../write-output';
import { writeXlsx } from '../xlsx/write-xlsx';

/** `rateshock template -o input.xlsx`: the input sheets with one example row per table. */
export function templateCommand(outPath: string): string {
  writeFileAtomically(outPath, writeXlsx(inputTemplate()));
  return `入力テンプレートを書き出しました / template written: ${outPath}`;
}
