/** One computed key figure, as shown in a brochure and listed by `panorama brochure --format json`. */
export type FigureValue = number | string | string[] | null;

export interface PreviousValue {
  /** Campaign label (e.g. "2019"). */
  label: string;
  value: FigureValue;
}

export interface Figure {
  id: string;
  label: string;
  kind: string;
  value: FigureValue;
  unit: string;
  /** Number of units (responses or structures) the figure rests on. */
  base: number;
  /** For shares and participation: units meeting the condition. */
  numerator?: number;
  /** Choice label(s) of a mode / top-N figure. */
  valueLabel?: string;
  /** Counts per choice value of a mode / top-N figure. */
  counts?: Record<string, number>;
  decimals: number;
  /** The indicator's wording with the value filled in. */
  text?: string;
  suppressed?: { reason: string };
  /**
   * Sums and means: the largest single contribution over the total (0–1), for the dominance rule.
   * Internal: never published (suppressFigure and the public outputs leave it out).
   */
  dominance?: number;
  /** Earlier campaigns' values of the same indicator (--previous). */
  previous?: PreviousValue[];
  /** In a territorial brochure: the same figure for the whole network, for comparison. */
  network?: FigureValue;
  /** Change since the most recent previous campaign, in % (relative) with its wording. */
  change?: { value: number; wording: string; since: string };
}
