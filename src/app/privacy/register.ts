import { writeCsv } from '../../csv/write.js';
import type { Lang } from '../../contract/lang.js';
import {
  RETENTION_CATEGORIES,
  type PrivacyRegister,
  type RetentionCategory,
} from '../../contract/privacy.js';
import { CATEGORY_IDS, categoryWording, DEFAULT_RETENTION_DAYS } from './categories.js';
import { lastPurge, retentionDays, type PrivacyDeps } from './retention.js';

const isRetention = (id: string): id is RetentionCategory =>
  (RETENTION_CATEGORIES as readonly string[]).includes(id);

/** What Panorama holds, why, for whom and for how long: one entry per category of personal data. */
export async function privacyRegister(deps: PrivacyDeps, lang: Lang): Promise<PrivacyRegister> {
  const days = await retentionDays(deps.store);
  const held = await deps.store.privacy.countHeld();
  return {
    generatedAt: deps.now().toISOString(),
    categories: CATEGORY_IDS.map((id) => {
      const w = categoryWording(lang, id);
      const period = isRetention(id) ? days[id] : null;
      return {
        id,
        name: w.name,
        data: w.data,
        purpose: w.purpose,
        legalBasis: w.legalBasis,
        recipients: w.recipients,
        retention: w.retention.replaceAll('{days}', String(period ?? '')),
        days: period,
        defaultDays: isRetention(id) ? DEFAULT_RETENTION_DAYS[id] : null,
        held: held[id === 'structure_contacts' ? 'structureContacts' : id] ?? 0,
      };
    }),
    lastPurge: await lastPurge(deps.store),
  };
}

/** The register as a CSV file (French spreadsheet conventions), for the federation's register. */
export function registerCsv(register: PrivacyRegister, lang: Lang): string {
  const header =
    lang === 'en'
      ? [
          'category',
          'personal data',
          'purpose',
          'legal basis',
          'who can see it',
          'retention',
          'days',
          'rows held',
        ]
      : [
          'catégorie',
          'données personnelles',
          'finalité',
          'base légale',
          'destinataires',
          'durée de conservation',
          'jours',
          'lignes détenues',
        ];
  return writeCsv(
    header,
    register.categories.map((c) => [
      c.name,
      c.data.join(' ; '),
      c.purpose,
      c.legalBasis,
      c.recipients,
      c.retention,
      c.days,
      c.held,
    ]),
    { separator: ';' },
  );
}
