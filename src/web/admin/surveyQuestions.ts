/** Questions of a SurveyJS definition that can serve as report filters or breakdowns. */
export interface QuestionOption {
  name: string;
  title: string;
  choices: { value: string; label: string }[];
}

type Localized = string | Record<string, string> | undefined;

function text(value: Localized, lang: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return value[lang] ?? value.default ?? value.fr ?? Object.values(value)[0];
}

interface Element {
  type?: string;
  name?: string;
  title?: Localized;
  choices?: (string | number | { value: string | number; text?: Localized })[];
  elements?: Element[];
  templateElements?: Element[];
  rateMin?: number;
  rateMax?: number;
  rateValues?: (number | { value: number; text?: Localized })[];
}

const CHOICE_TYPES = new Set([
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'boolean',
  'rating',
  'imagepicker',
]);

export function choiceQuestions(definition: Record<string, unknown>, lang: string): QuestionOption[] {
  const out: QuestionOption[] = [];
  const visit = (elements: Element[] | undefined) => {
    for (const element of elements ?? []) {
      if (element.elements) visit(element.elements);
      if (!element.name || !element.type || !CHOICE_TYPES.has(element.type)) continue;
      let choices: QuestionOption['choices'];
      if (element.type === 'boolean') {
        choices = [
          { value: 'true', label: lang === 'fr' ? 'Oui' : 'Yes' },
          { value: 'false', label: lang === 'fr' ? 'Non' : 'No' },
        ];
      } else if (element.type === 'rating' && !element.rateValues) {
        const min = element.rateMin ?? 1;
        const max = element.rateMax ?? 5;
        choices = [];
        for (let v = min; v <= max; v++) choices.push({ value: String(v), label: String(v) });
      } else {
        choices = (element.choices ?? element.rateValues ?? []).map((choice) =>
          typeof choice === 'object'
            ? { value: String(choice.value), label: text(choice.text, lang) ?? String(choice.value) }
            : { value: String(choice), label: String(choice) },
        );
      }
      out.push({ name: element.name, title: text(element.title, lang) ?? element.name, choices });
    }
  };
  for (const page of (definition.pages as Element[] | undefined) ?? []) visit(page.elements);
  visit(definition.elements as Element[] | undefined);
  return out;
}
