export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const MAP_FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';
export const MAP_COLORS = {
  ink: '#1f2d3d',
  muted: '#6b7380',
  accent: '#e5007d',
  bubble: '#2f6fb0',
  bubbleLight: '#a8c8e8',
  land: '#eef2f6',
  border: '#ffffff',
};
/** Light to dark blues for choropleth classes. */
export const CHOROPLETH = ['#dbe8f5', '#a8c8e8', '#6a9fd4', '#2f6fb0', '#1b4a7a'];

/** Splits a label into lines of at most `max` characters, on spaces. */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function textLines(lines: string[], x: number, y: number, attrs: string, lineHeight: number): string {
  return lines
    .map(
      (l, i) =>
        `<text x="${x.toFixed(1)}" y="${(y + i * lineHeight).toFixed(1)}" ${attrs}>${escapeXml(l)}</text>`,
    )
    .join('');
}
