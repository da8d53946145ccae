/**
 * Text from files (a firm's name, a sheet name, a value echoed in a message) must not drive
 * the terminal: control characters (ANSI escape sequences, carriage returns, backspaces), C1
 * controls and bidirectional overrides are shown as visible escapes (`\x1b`, `\u202e`) in
 * everything the command line prints. Line breaks and tabs of our own layout pass unchanged.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Longest line of an error report: a value echoed from a file is cut, not printed whole. */
export const MAX_MESSAGE_LINE = 2_000;

function bounded(line: string): string {
  return line.length <= MAX_MESSAGE_LINE
    ? line
    : `${line.slice(0, MAX_MESSAGE_LINE)}… (${line.length - MAX_MESSAGE_LINE} 文字省略 / characters more)`;
}

/** An input error as printed: `error: message` and its details, escaped and bounded. */
export function errorReport(message: string, details: readonly string[]): string {
  const lines = [`error: ${message}`, ...details.map((d) => `  - ${d}`)];
  return escapeForTerminal(lines.map(bounded).join('\n') + '\n');
}
