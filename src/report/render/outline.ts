import type { QuestionResult, ReportModel } from '../model.js';
import { sectionQuestions } from './participation.js';

/**
 * The numbered outline every paged document follows (DOCX, PDF, HTML): sections numbered as the
 * questionnaire's pages ("2. Activités actuelles et partenariats"), questions within them ("2.3 …"),
 * so a reader can say "see 2.3" and the table of contents reads like the questionnaire.
 */

export interface OutlineQuestion {
  /** "2.3" */
  number: string;
  /** "2.3 Quelles actions …" */
  heading: string;
  question: QuestionResult;
}

export interface OutlineSection {
  name: string;
  /** "2" */
  number: string;
  /** The section title without a number the questionnaire already wrote ("2 - Activités …" → "Activités …"). */
  title: string;
  /** "2. Activités actuelles et partenariats" */
  heading: string;
  questions: OutlineQuestion[];
}

/** "1 - Informations générales", "2. Logement", "3) Santé": a number the survey author wrote. */
const WRITTEN_NUMBER = /^\s*(\d{1,3})\s*[-–—.)]\s*(?=\S)/;

export function reportOutline(model: ReportModel): OutlineSection[] {
  return sectionQuestions(model).map((section, i) => {
    const written = WRITTEN_NUMBER.exec(section.title);
    const number = written?.[1] ?? String(i + 1);
    const title = written ? section.title.slice(written[0].length).trim() : section.title;
    return {
      name: section.name,
      number,
      title,
      heading: `${number}. ${title}`,
      questions: section.questions.map((question, q) => {
        const qNumber = `${number}.${q + 1}`;
        return { number: qNumber, heading: `${qNumber} ${question.title}`, question };
      }),
    };
  });
}
