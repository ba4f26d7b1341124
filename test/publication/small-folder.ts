import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A tiny input folder: one number question, two structures in Flandre (59), answers as given. */
export function writeSmallFolder(
  dir: string,
  answers: { id: string; structure: string | null; etp: unknown }[],
): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'survey.json'),
    JSON.stringify({
      title: 'Petit',
      pages: [{ name: 'p', elements: [{ type: 'text', inputType: 'number', name: 'etp' }] }],
    }),
  );
  writeFileSync(
    join(dir, 'structures.csv'),
    'id,nom,departement,territoire\nS1,Centre 1,59,Flandre\nS2,Centre 2,59,Flandre\n',
  );
  writeFileSync(
    join(dir, 'responses.jsonl'),
    answers
      // Dated, as answers exported from a campaign are (an undated answer adds a warning note).
      .map((a) =>
        JSON.stringify({
          id: a.id,
          structure: a.structure,
          submittedAt: '2026-03-02T10:00:00.000Z',
          data: { etp: a.etp },
        }),
      )
      .join('\n') + '\n',
  );
  return dir;
}
