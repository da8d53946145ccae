import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The layout's import rules: the engine imports nothing of ours and no Node built-ins.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'],
              message: 'engine/ is pure: no Node built-ins.',
            },
            {
              group: ['**/cli/**', '**/workbook/**', '**/addin/**'],
              message: 'engine/ imports nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    // workbook/ is the sheet contract shared by the add-in and the CLI: engine only, no Node, no Office.
    files: ['workbook/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'exceljs'],
              message: 'workbook/ is pure: readers and appliers live in cli/ and addin/.',
            },
            {
              group: ['**/cli/**', '**/addin/**'],
              message: 'workbook/ imports only the engine.',
            },
          ],
        },
      ],
    },
  },
  {
    // addin/ runs in the browser: no Node built-ins, nothing of the CLI.
    files: ['addin/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'exceljs'],
              message: 'addin/ runs in the browser.',
            },
            { group: ['**/cli/**'], message: 'addin/ imports the engine and the workbook only.' },
          ],
        },
      ],
    },
  },
  {
    // Office.js is touched only in addin/office/ (one thin module, as in the yo office template).
    files: ['addin/**/*.ts'],
    ignores: ['addin/office/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Office.js lives in addin/office/.' },
        { name: 'Office', message: 'Office.js lives in addin/office/.' },
        { name: 'CustomFunctions', message: 'Office.js lives in addin/office/.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
