import { jsonErrorOffset } from './json-error.js';
import { assertJsonDepth } from './json-depth.js';

/** Turns JSON.parse failures into "line L, column C" messages a person can act on. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}: invalid JSON at line ${line}, column ${column}: ${detail}`);
    this.name = 'JsonSyntaxError';
  }
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJsonText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  assertJsonDepth(body, file);
  try {
    return JSON.parse(body);
  } catch {
    // Node 20's messages do not always carry a position: locate the error with our own scanner.
    const offset = jsonErrorOffset(body);
    const { line, column } = lineColumnAt(body, offset);
    throw new JsonSyntaxError(file, line, column, describeJsonError(body, offset));
  }
}

/** What stands at a JSON syntax error's offset, in words a person can act on. */
export function describeJsonError(text: string, offset: number): string {
  if (offset >= text.length) return 'the text ends too early (a missing bracket, brace or quote?)';
  return `unexpected ${JSON.stringify(text.slice(offset, offset + 12))}`;
}
