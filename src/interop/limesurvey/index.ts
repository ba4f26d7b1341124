import { PanoramaError } from '../../contract/errors/index.js';
import type { ElementJson, PageJson, SurveyJson } from '../../survey/definition-schema.js';
import type { ResponseRecord } from '../../survey/records.js';
import { IssueList, type ConversionResult, type ImportedStructure } from '../issues.js';
import { readLsaArchive } from './archive.js';
import { convertRelevance, UnconvertibleExpression, type VariableRef } from './expressions.js';
import { convertQuestion, type AnswerReader } from './questions.js';
import { readLsSurvey, type LsSurvey } from './structure.js';
import { readLsDocument, table, type LsRow } from './tables.js';
import { surveyText } from './texts.js';

export { typeLabel } from './questions.js';

interface ConvertedSurvey {
  survey: SurveyJson;
  /** SGQA column prefix (`<sid>X<gid>X<qid>`) → reader of that question's answer. */
  readers: { prefix: string; read: AnswerReader }[];
  /** Participant attribute (attribute_1…) → its description. */
  attributeDescriptions: Record<string, string>;
}

/** A LimeSurvey structure file (.lss, any generation) as a SurveyJS questionnaire. */
export function importLss(text: string, file: string): ConversionResult {
  const issues = new IssueList();
  const { survey } = convertStructure(text, file, issues);
  return { survey, report: issues.issues };
}

/**
 * A LimeSurvey archive (.lsa: structure, responses, participants): the questionnaire, its finished
 * responses in Panorama's format (answer codes as choice values, under the imported question
 * names) and, when the participants carry a structure attribute, the structures.
 */
export function importLsa(bytes: Uint8Array, file: string): ConversionResult {
  const members = readLsaArchive(bytes, file);
  const issues = new IssueList();
  const { survey, readers, attributeDescriptions } = convertStructure(
    members.lss.text,
    `${file} › ${members.lss.name}`,
    issues,
  );
  const tokens = members.lst
    ? readTokens(members.lst.text, `${file} › ${members.lst.name}`, attributeDescriptions, issues)
    : undefined;
  const responses = members.lsr
    ? readResponses(members.lsr.text, `${file} › ${members.lsr.name}`, readers, tokens?.byToken, issues)
    : [];
  return {
    survey,
    responses,
    ...(tokens && tokens.structures.length > 0 ? { structures: tokens.structures } : {}),
    report: issues.issues,
  };
}

function convertStructure(text: string, file: string, issues: IssueList): ConvertedSurvey {
  const doc = readLsDocument(text, file);
  if (doc.docType !== 'Survey')
    throw new PanoramaError('lss_not_a_survey', { file, found: doc.docType || '?' });
  const ls = readLsSurvey(doc);
  const report = issues.add.bind(issues);
  const ctx = { languages: ls.languages, report };
  const variables = new Map<string, VariableRef>();
  const readers: ConvertedSurvey['readers'] = [];
  const pending: { elements: ElementJson[]; relevance: string; question: string }[] = [];
  const pages: PageJson[] = [];
  let converted = 0;
  let skipped = 0;

  for (const group of ls.groups) {
    const elements: ElementJson[] = [];
    for (const question of group.questions) {
      const out = convertQuestion(question, ctx);
      if (out.elements.length === 0) {
        skipped++;
        continue;
      }
      converted++;
      elements.push(...out.elements);
      const prefix = `${ls.sid}X${group.gid}X${question.qid}`;
      for (const [name, ref] of out.variables) variables.set(name, ref);
      // Conditions may name a question by its column (`<sid>X<gid>X<qid>`, or `Q<qid>` since LimeSurvey 6).
      const own = out.variables.get(question.code);
      if (own) for (const alias of [prefix, `Q${question.qid}`]) variables.set(alias, own);
      for (const [name, ref] of out.variables) {
        if (name.startsWith(`${question.code}_`))
          variables.set(prefix + name.slice(question.code.length + 1), ref);
      }
      if (out.read && question.encrypted) {
        const code = question.code;
        readers.push({
          prefix,
          read: (get, _data, report) => {
            if (get('') || get('comment') || get('other'))
              report({ code: 'response_encrypted', question: code, feature: 'encrypted' });
          },
        });
      } else if (out.read) readers.push({ prefix, read: out.read });
      pending.push({ elements: out.elements, relevance: question.relevance, question: question.code });
    }
    const page: PageJson = { name: `g${group.gid}`, elements };
    const title = surveyText(group.name, ls.languages);
    if (title) page.title = title;
    const description = surveyText(group.description, ls.languages);
    if (description) page.description = description;
    pending.push({ elements: [page as ElementJson], relevance: group.relevance, question: `g${group.gid}` });
    pages.push(page);
  }
  if (converted === 0 && skipped > 0) throw new PanoramaError('import_nothing_converted', { file, skipped });

  const resolve = (name: string) => variables.get(name);
  for (const item of pending) {
    try {
      const condition = convertRelevance(item.relevance, resolve);
      if (condition) for (const element of item.elements) element.visibleIf = condition;
    } catch (err) {
      if (!(err instanceof UnconvertibleExpression)) throw err;
      report({
        code: 'condition_not_converted',
        question: item.question,
        feature: `relevance: ${err.message}`,
        detail: item.relevance.trim(),
      });
    }
  }
  return { survey: surveyJson(ls, pages), readers, attributeDescriptions: ls.attributeDescriptions };
}

function surveyJson(ls: LsSurvey, pages: PageJson[]): SurveyJson {
  const survey: SurveyJson = { locale: ls.languages[0] ?? 'fr', pages };
  const title = surveyText(ls.title, ls.languages);
  if (title) survey.title = title;
  const description = surveyText(ls.description, ls.languages);
  if (description) survey.description = description;
  return survey;
}

function readResponses(
  text: string,
  file: string,
  readers: ConvertedSurvey['readers'],
  structureOfToken: Map<string, string> | undefined,
  issues: IssueList,
): ResponseRecord[] {
  const doc = readLsDocument(text, file);
  const report = issues.add.bind(issues);
  const out: ResponseRecord[] = [];
  let unfinished = 0;
  for (const row of table(doc, 'responses')) {
    if (!row.submitdate) {
      unfinished++;
      continue;
    }
    const data: Record<string, unknown> = {};
    for (const { prefix, read } of readers) read((suffix) => row[prefix + suffix] ?? '', data, report);
    out.push({
      id: row.id || String(out.length + 1),
      structure: (row.token && structureOfToken?.get(row.token)) || null,
      submittedAt: row.submitdate.replace(' ', 'T'),
      data,
    });
  }
  if (unfinished > 0) {
    issues.add({ code: 'response_incomplete_skipped', feature: 'submitdate', count: unfinished });
  }
  return out;
}

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const STRUCTURE_NAMES = new Set([
  'structure',
  'id structure',
  'code structure',
  'identifiant structure',
  'structure id',
]);
const NAME_NAMES = new Set(['nom', 'name', 'nom structure', 'structure name', 'raison sociale']);

/**
 * Participants (.lst) → structures, when one participant attribute is described as the structure
 * (`structure`, `code structure`…); its `nom`/`name` attribute (or the participant's name) names it.
 */
function readTokens(
  text: string,
  file: string,
  described: Record<string, string>,
  issues: IssueList,
): { byToken: Map<string, string>; structures: ImportedStructure[] } {
  const doc = readLsDocument(text, file);
  const rows = table(doc, 'tokens');
  const columns = new Set(rows.flatMap((r) => Object.keys(r)));
  const find = (names: Set<string>) =>
    [...columns].find((c) => names.has(normalise(c)) || names.has(normalise(described[c] ?? '')));
  const idColumn = find(STRUCTURE_NAMES);
  const nameColumn = find(NAME_NAMES);
  const byToken = new Map<string, string>();
  const structures = new Map<string, ImportedStructure>();
  if (!idColumn) {
    if (rows.length > 0)
      issues.add({ code: 'tokens_without_structure', feature: 'participants (.lst)', count: rows.length });
    return { byToken, structures: [] };
  }
  for (const row of rows) {
    const id = row[idColumn]?.trim();
    if (!id) continue;
    if (row.token) byToken.set(row.token, id);
    if (!structures.has(id)) {
      const name = (nameColumn ? row[nameColumn] : '')?.trim() || personName(row) || id;
      structures.set(id, { id, name, ...(row.email ? { email: row.email } : {}) });
    }
  }
  return { byToken, structures: [...structures.values()] };
}

function personName(row: LsRow): string {
  return [row.firstname, row.lastname].filter(Boolean).join(' ').trim();
}
