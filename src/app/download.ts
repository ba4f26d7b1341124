/** A document ready to hand over: its bytes, content type, and the name to save it under. */
export interface Download {
  body: Buffer;
  contentType: string;
  /** With its extension ("observatoire-nord-2021-flandre.pdf"). */
  fileName: string;
  /** Shown by the browser (JSON, HTML) rather than saved as an attachment. */
  inline: boolean;
}

/**
 * The one file-name rule of downloads (reports, brochures, sheets): the parts joined by dashes,
 * accents dropped and anything else than letters and digits turned into one dash, so that the
 * name is plain ASCII in a Content-Disposition header and on every file system.
 * "Observatoire Nord 2021", "Flandre" → "observatoire-nord-2021-flandre".
 */
export function downloadName(fallback: string, ...parts: (string | undefined)[]): string {
  return (
    parts
      .filter((p): p is string => !!p)
      .join('-')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || fallback
  );
}
