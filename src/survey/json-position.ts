import { PanoramaError } from '../contract/errors/index.js';
import { jsonErrorOffset } from './json-error.js';
import { assertJsonDepth } from './json-depth.js';

/** Turns JSON.parse failures into "line L, column C" messages a person can act on. */
export class JsonSyntaxError extends PanoramaError<'json_syntax'> {
  /** English description (`unexpected "x"`), for callers that word their own message. */
  readonly detail: string;
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** The text where parsing failed; undefined when the text ends too early. */
    readonly near: string | undefined,
  ) {
    super('json_syntax', { file, line, column, ...(near !== undefined ? { near } : {}) });
    this.detail = near !== undefined ? `unexpected ${JSON.stringify(near)}` : describeJsonError('', 0);
    // `message` stays English for logs and programmatic callers; users get messageIn(lang).
    this.message = this.messageIn('en');
    this.name = 'JsonSyntaxError';
  }
}

/** The dozen characters where parsing failed, or undefined at the end of the text. */
export function jsonNear(text: string, offset: number): string | undefined {
  return offset >= text.length ? undefined : text.slice(offset, offset + 12);
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
    throw new JsonSyntaxError(file, line, column, jsonNear(body, offset));
  }
}

/** What stands at a JSON syntax error's offset, in words a person can act on. */
export function describeJsonError(text: string, offset: number): string {
  if (offset >= text.length) return 'the text ends too early (a missing bracket, brace or quote?)';
  return `unexpected ${JSON.stringify(text.slice(offset, offset + 12))}`;
}
