import { table, type LsDocument, type LsRow } from './tables.js';

/** A text in each language of the survey (language code → text). */
export type LsText = Record<string, string>;

export interface LsAnswer {
  code: string;
  scale: number;
  order: number;
  text: LsText;
}

export interface LsSubquestion {
  qid: string;
  code: string;
  scale: number;
  order: number;
  text: LsText;
}

export interface LsQuestion {
  qid: string;
  gid: string;
  type: string;
  code: string;
  order: number;
  text: LsText;
  help: LsText;
  mandatory: boolean;
  other: boolean;
  relevance: string;
  /** Answers stored encrypted by LimeSurvey 4+ (unreadable without the instance's key). */
  encrypted: boolean;
  subquestions: LsSubquestion[];
  answers: LsAnswer[];
  /** Language-independent attributes (attribute → value). */
  attributes: Record<string, string>;
}

export interface LsGroup {
  gid: string;
  order: number;
  name: LsText;
  description: LsText;
  relevance: string;
  questions: LsQuestion[];
}

export interface LsSurvey {
  sid: string;
  dbVersion: number;
  /** Main language first. */
  languages: string[];
  title: LsText;
  description: LsText;
  groups: LsGroup[];
  /** Participant attribute name (attribute_1…) → its description, from the survey settings. */
  attributeDescriptions: Record<string, string>;
}

const num = (text: string | undefined) => Number(text ?? '') || 0;

/**
 * The survey of a .lss document, whichever generation wrote it: up to LimeSurvey 3 the texts sit
 * in the question, group and answer rows (one row per language, `language` column); from
 * LimeSurvey 4 on they sit in `question_l10ns`, `group_l10ns` and `answer_l10ns`. Subquestions are
 * in a `subquestions` table, or (older exports) in `questions` with a parent.
 */
export function readLsSurvey(doc: LsDocument): LsSurvey {
  const surveyRow = table(doc, 'surveys')[0] ?? {};
  const main = surveyRow.language || doc.languages[0] || 'en';
  const extra = (surveyRow.additional_languages ?? '').split(/\s+/).filter(Boolean);
  const languages = unique([main, ...extra, ...doc.languages]);

  const settings = table(doc, 'surveys_languagesettings');
  const title: LsText = {};
  const description: LsText = {};
  for (const row of settings) {
    const lang = row.surveyls_language || main;
    if (row.surveyls_title) title[lang] = row.surveyls_title;
    if (row.surveyls_description) description[lang] = row.surveyls_description;
  }

  const questionTexts = texts(table(doc, 'question_l10ns'), 'qid', ['question', 'help']);
  const groupTexts = texts(table(doc, 'group_l10ns'), 'gid', ['group_name', 'description']);
  const answerTexts = texts(table(doc, 'answer_l10ns'), 'aid', ['answer']);

  const groups = new Map<string, LsGroup>();
  for (const row of table(doc, 'groups')) {
    let group = groups.get(row.gid!);
    if (!group) {
      group = {
        gid: row.gid!,
        order: num(row.group_order),
        name: {},
        description: {},
        relevance: row.grelevance ?? '',
        questions: [],
      };
      groups.set(row.gid!, group);
    }
    addText(group.name, row, 'group_name', main);
    addText(group.description, row, 'description', main);
    merge(group.name, groupTexts.get(row.gid!)?.group_name);
    merge(group.description, groupTexts.get(row.gid!)?.description);
  }

  const attributes = new Map<string, Record<string, string>>();
  for (const row of table(doc, 'question_attributes')) {
    if (row.language) continue; // per-language attributes (prefix, suffix…) are texts, not settings
    const own = attributes.get(row.qid!) ?? {};
    own[row.attribute ?? ''] = row.value ?? '';
    attributes.set(row.qid!, own);
  }

  const questions = new Map<string, LsQuestion>();
  const subquestionRows: LsRow[] = [...table(doc, 'subquestions')];
  for (const row of table(doc, 'questions')) {
    if (row.parent_qid && row.parent_qid !== '0') {
      subquestionRows.push(row);
      continue;
    }
    let question = questions.get(row.qid!);
    if (!question) {
      question = {
        qid: row.qid!,
        gid: row.gid!,
        type: row.type ?? '',
        code: row.title ?? row.qid!,
        order: num(row.question_order),
        text: {},
        help: {},
        mandatory: row.mandatory === 'Y',
        other: row.other === 'Y',
        relevance: row.relevance ?? '',
        encrypted: row.encrypted === 'Y',
        subquestions: [],
        answers: [],
        attributes: attributes.get(row.qid!) ?? {},
      };
      questions.set(row.qid!, question);
    }
    addText(question.text, row, 'question', main);
    addText(question.help, row, 'help', main);
    merge(question.text, questionTexts.get(row.qid!)?.question);
    merge(question.help, questionTexts.get(row.qid!)?.help);
  }

  const subquestions = new Map<string, LsSubquestion>();
  for (const row of subquestionRows) {
    const parent = questions.get(row.parent_qid ?? '');
    if (!parent) continue;
    let sub = subquestions.get(row.qid!);
    if (!sub) {
      sub = {
        qid: row.qid!,
        code: row.title ?? '',
        scale: num(row.scale_id),
        order: num(row.question_order),
        text: {},
      };
      subquestions.set(row.qid!, sub);
      parent.subquestions.push(sub);
    }
    addText(sub.text, row, 'question', main);
    merge(sub.text, questionTexts.get(row.qid!)?.question);
  }

  const answers = new Map<string, LsAnswer>();
  for (const row of table(doc, 'answers')) {
    const question = questions.get(row.qid ?? '');
    if (!question) continue;
    const key = `${row.qid}\u0000${row.scale_id ?? '0'}\u0000${row.code}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = { code: row.code ?? '', scale: num(row.scale_id), order: num(row.sortorder), text: {} };
      answers.set(key, answer);
      question.answers.push(answer);
    }
    addText(answer.text, row, 'answer', main);
    if (row.aid) merge(answer.text, answerTexts.get(row.aid)?.answer);
  }

  for (const question of questions.values()) {
    question.subquestions.sort((a, b) => a.scale - b.scale || a.order - b.order);
    question.answers.sort((a, b) => a.scale - b.scale || a.order - b.order);
    groups.get(question.gid)?.questions.push(question);
  }
  const ordered = [...groups.values()].sort((a, b) => a.order - b.order);
  for (const group of ordered) group.questions.sort((a, b) => a.order - b.order);

  return {
    sid: surveyRow.sid ?? '',
    dbVersion: doc.dbVersion,
    languages,
    title,
    description,
    groups: ordered,
    attributeDescriptions: attributeDescriptions(surveyRow.attributedescriptions ?? ''),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** `*_l10ns` rows: id → field → language → text. */
function texts(rows: LsRow[], idColumn: string, fields: string[]): Map<string, Record<string, LsText>> {
  const out = new Map<string, Record<string, LsText>>();
  for (const row of rows) {
    const id = row[idColumn];
    if (!id) continue;
    const entry = out.get(id) ?? {};
    for (const field of fields) {
      const value = row[field];
      if (value === undefined || value === '') continue;
      (entry[field] ??= {})[row.language || ''] = value;
    }
    out.set(id, entry);
  }
  return out;
}

function addText(target: LsText, row: LsRow, field: string, main: string): void {
  const value = row[field];
  if (value) target[row.language || main] = value;
}

function merge(target: LsText, source: LsText | undefined): void {
  if (source) Object.assign(target, source);
}

/**
 * Participant attribute descriptions: JSON (`{"attribute_1":{"description":"structure"…}}`) since
 * LimeSurvey 2, or old `attribute_1=description` lines.
 */
function attributeDescriptions(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text.trim()) return out;
  try {
    const json = JSON.parse(text) as Record<string, { description?: unknown }>;
    for (const [name, value] of Object.entries(json)) {
      if (value && typeof value.description === 'string') out[name] = value.description;
    }
    return out;
  } catch {
    for (const line of text.split(/\r?\n/)) {
      const [name, description] = line.split('=');
      if (name && description) out[name.trim()] = description.trim();
    }
    return out;
  }
}
