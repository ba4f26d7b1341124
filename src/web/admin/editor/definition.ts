/**
 * The questionnaire being edited, as SurveyJS JSON wrapped with stable keys (React keys, focus
 * after a move). Every property the editor does not know is kept verbatim: the editor only writes
 * the properties its forms show, so an imported questionnaire comes back as it went in.
 */
export type Json = Record<string, unknown>;

export interface EditorElement {
  key: string;
  json: Json & { type: string; name: string };
}

export interface EditorPage {
  key: string;
  /** The page's own properties, without `elements`. */
  json: Json;
  elements: EditorElement[];
}

export interface EditorDoc {
  /** The survey's own properties, without `pages` and `elements`. */
  root: Json;
  pages: EditorPage[];
}

/** The question types the editor builds, each a SurveyJS element type (and input type). */
export const QUESTION_KINDS = [
  'radiogroup',
  'dropdown',
  'checkbox',
  'text',
  'comment',
  'number',
  'year',
  'date',
  'rating',
  'boolean',
  'matrix',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const CHOICE_KINDS = new Set<QuestionKind>(['radiogroup', 'dropdown', 'checkbox']);

let nextKey = 0;
const newKey = () => `k${++nextKey}`;

const clone = <T>(value: T): T => structuredClone(value);

export function fromDefinition(definition: Json): EditorDoc {
  const { pages, elements, ...root } = clone(definition);
  const rawPages = Array.isArray(pages)
    ? (pages as Json[])
    : Array.isArray(elements)
      ? [{ name: 'page1', elements }]
      : [];
  return {
    root,
    pages: rawPages.map((page) => {
      const { elements: pageElements, ...json } = page;
      return {
        key: newKey(),
        json,
        elements: (Array.isArray(pageElements) ? (pageElements as EditorElement['json'][]) : []).map(
          (element) => ({ key: newKey(), json: element }),
        ),
      };
    }),
  };
}

export function toDefinition(doc: EditorDoc): Json {
  return clone({
    ...doc.root,
    pages: doc.pages.map((page) => ({ ...page.json, elements: page.elements.map((e) => e.json) })),
  });
}

/** An empty questionnaire: one page, no question. */
export function emptyDefinition(title: string): Json {
  return { title, locale: 'fr', pages: [{ name: 'page1', title: '', elements: [] }] };
}

/** The text of a title or label in the survey's language (`default`, the locale, or the first one). */
export function textOf(value: unknown, locale = 'fr'): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const texts = value as Record<string, string>;
    return texts.default ?? texts[locale] ?? Object.values(texts)[0] ?? '';
  }
  return '';
}

/** Writes a text, keeping the other translations of a localized text. */
export function withText(previous: unknown, text: string, locale = 'fr'): unknown {
  if (previous && typeof previous === 'object') {
    const texts = { ...(previous as Record<string, string>) };
    texts['default' in texts ? 'default' : locale] = text;
    return texts;
  }
  return text;
}

export function kindOf(json: Json): QuestionKind | undefined {
  switch (json.type) {
    case 'radiogroup':
    case 'dropdown':
    case 'checkbox':
    case 'comment':
    case 'rating':
    case 'boolean':
    case 'matrix':
      return json.type;
    case 'text': {
      const input = (json.inputType as string | undefined) ?? 'text';
      if (input === 'number') {
        const min = Number(json.min);
        const max = Number(json.max);
        return min >= 1800 && max <= 2200 ? 'year' : 'number';
      }
      if (input === 'date') return 'date';
      return input === 'text' ? 'text' : undefined;
    }
    default:
      return undefined;
  }
}

/** The SurveyJS properties a question of this kind starts with. */
function kindDefaults(kind: QuestionKind): Json {
  const choices = [
    { value: 'oui', text: 'Oui' },
    { value: 'non', text: 'Non' },
  ];
  switch (kind) {
    case 'radiogroup':
    case 'dropdown':
    case 'checkbox':
      return { type: kind, choices };
    case 'number':
      return { type: 'text', inputType: 'number', min: 0 };
    case 'year':
      return { type: 'text', inputType: 'number', min: 1900, max: 2100 };
    case 'date':
      return { type: 'text', inputType: 'date' };
    case 'rating':
      return { type: 'rating', rateMin: 1, rateMax: 5 };
    case 'matrix':
      return {
        type: 'matrix',
        columns: [
          { value: 1, text: 'Pas du tout d’accord' },
          { value: 2, text: 'Plutôt pas d’accord' },
          { value: 3, text: 'Plutôt d’accord' },
          { value: 4, text: 'Tout à fait d’accord' },
        ],
        rows: [{ value: 'ligne1', text: 'Première affirmation' }],
      };
    default:
      return { type: kind };
  }
}

/** Properties that belong to one kind of question and are dropped when the kind changes. */
const KIND_PROPERTIES = [
  'inputType',
  'min',
  'max',
  'step',
  'choices',
  'showOtherItem',
  'hasOther',
  'otherText',
  'showNoneItem',
  'hasNone',
  'noneText',
  'rateMin',
  'rateMax',
  'rateStep',
  'rateValues',
  'minRateDescription',
  'maxRateDescription',
  'labelTrue',
  'labelFalse',
  'rows',
  'columns',
  'placeholder',
];

export function changeKind(json: EditorElement['json'], kind: QuestionKind): EditorElement['json'] {
  const kept: Json = {};
  for (const [key, value] of Object.entries(json)) if (!KIND_PROPERTIES.includes(key)) kept[key] = value;
  const defaults = kindDefaults(kind);
  // Choices survive a change between single and multiple choice.
  if (CHOICE_KINDS.has(kind) && Array.isArray(json.choices) && json.choices.length > 0) {
    defaults.choices = json.choices;
    if (json.showOtherItem || json.hasOther) defaults.showOtherItem = true;
    if (json.otherText !== undefined) defaults.otherText = json.otherText;
  }
  return { ...kept, ...defaults, type: defaults.type as string, name: json.name };
}

/** Every question name of the questionnaire, panels included, in order. */
export function questionNames(doc: EditorDoc): string[] {
  const names: string[] = [];
  const walk = (elements: Json[]) => {
    for (const element of elements) {
      if (element.type === 'panel' && Array.isArray(element.elements)) walk(element.elements as Json[]);
      else if (typeof element.name === 'string') names.push(element.name);
    }
  };
  for (const page of doc.pages) walk(page.elements.map((e) => e.json));
  return names;
}

/** `base`, or `base_2`, `base_3`… the first name no question uses. */
export function uniqueName(doc: EditorDoc, base: string): string {
  const used = new Set(questionNames(doc));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

function pageName(doc: EditorDoc): string {
  const used = new Set(doc.pages.map((p) => p.json.name));
  for (let n = doc.pages.length + 1; ; n++) if (!used.has(`page${n}`)) return `page${n}`;
}

// ----- Operations: each returns a new document (React state), never changes the one it is given.

function withPage(doc: EditorDoc, pageIndex: number, change: (page: EditorPage) => EditorPage): EditorDoc {
  return { ...doc, pages: doc.pages.map((page, i) => (i === pageIndex ? change(page) : page)) };
}

export function addQuestion(doc: EditorDoc, pageIndex: number, kind: QuestionKind, title: string) {
  let n = questionNames(doc).length + 1;
  const used = new Set(questionNames(doc));
  while (used.has(`q${n}`)) n++;
  const element: EditorElement = {
    key: newKey(),
    json: { ...kindDefaults(kind), type: kindDefaults(kind).type as string, name: `q${n}`, title },
  };
  return { doc: withPage(doc, pageIndex, (p) => ({ ...p, elements: [...p.elements, element] })), element };
}

export function updateElement(doc: EditorDoc, key: string, json: EditorElement['json']): EditorDoc {
  return {
    ...doc,
    pages: doc.pages.map((page) => ({
      ...page,
      elements: page.elements.map((e) => (e.key === key ? { ...e, json } : e)),
    })),
  };
}

export function locate(doc: EditorDoc, key: string): { page: number; index: number } | undefined {
  for (let page = 0; page < doc.pages.length; page++) {
    const index = doc.pages[page]!.elements.findIndex((e) => e.key === key);
    if (index >= 0) return { page, index };
  }
  return undefined;
}

/** One step up or down; past the first or last question of a page, to the next page. */
export function moveElement(doc: EditorDoc, key: string, delta: -1 | 1): EditorDoc {
  const at = locate(doc, key);
  if (!at) return doc;
  const pages = doc.pages.map((p) => ({ ...p, elements: [...p.elements] }));
  const from = pages[at.page]!;
  const [element] = from.elements.splice(at.index, 1);
  const target = at.index + delta;
  if (target >= 0 && target <= from.elements.length) from.elements.splice(target, 0, element!);
  else if (delta < 0 && at.page > 0) pages[at.page - 1]!.elements.push(element!);
  else if (delta > 0 && at.page < pages.length - 1) pages[at.page + 1]!.elements.unshift(element!);
  else return doc;
  return { ...doc, pages };
}

export function duplicateElement(doc: EditorDoc, key: string): { doc: EditorDoc; element?: EditorElement } {
  const at = locate(doc, key);
  if (!at) return { doc };
  const original = doc.pages[at.page]!.elements[at.index]!;
  const element: EditorElement = {
    key: newKey(),
    json: { ...clone(original.json), name: uniqueName(doc, `${original.json.name}_copie`) },
  };
  return {
    doc: withPage(doc, at.page, (p) => {
      const elements = [...p.elements];
      elements.splice(at.index + 1, 0, element);
      return { ...p, elements };
    }),
    element,
  };
}

export function removeElement(doc: EditorDoc, key: string): EditorDoc {
  return {
    ...doc,
    pages: doc.pages.map((p) => ({ ...p, elements: p.elements.filter((e) => e.key !== key) })),
  };
}

export function addPage(doc: EditorDoc, title: string): { doc: EditorDoc; page: EditorPage } {
  const page: EditorPage = { key: newKey(), json: { name: pageName(doc), title }, elements: [] };
  return { doc: { ...doc, pages: [...doc.pages, page] }, page };
}

export function updatePage(doc: EditorDoc, key: string, json: Json): EditorDoc {
  return { ...doc, pages: doc.pages.map((p) => (p.key === key ? { ...p, json } : p)) };
}

export function movePage(doc: EditorDoc, key: string, delta: -1 | 1): EditorDoc {
  const index = doc.pages.findIndex((p) => p.key === key);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= doc.pages.length) return doc;
  const pages = [...doc.pages];
  [pages[index], pages[target]] = [pages[target]!, pages[index]!];
  return { ...doc, pages };
}

export function removePage(doc: EditorDoc, key: string): EditorDoc {
  return { ...doc, pages: doc.pages.filter((p) => p.key !== key) };
}
