import { useSyncExternalStore } from 'react';
import * as shell from './messages/shell.js';
import * as login from './messages/login.js';
import * as dashboard from './messages/dashboard.js';
import * as campaigns from './messages/campaigns.js';
import * as results from './messages/results.js';
import * as registry from './messages/registry.js';
import * as surveys from './messages/surveys.js';
import * as users from './messages/users.js';
import * as respond from './messages/respond.js';
import * as publication from './messages/publication.js';
import * as account from './messages/account.js';
import * as solidarity from './messages/solidarity.js';
import * as review from './messages/review.js';
import * as editor from './messages/editor.js';
import * as mail from './messages/mail.js';
import * as answerExports from './messages/exports.js';
import * as archive from './messages/archive.js';
import * as campaignArchive from './messages/campaign-archive.js';
import * as privacy from './messages/privacy.js';
import * as identity from './messages/identity.js';
import * as screens from './messages/screens.js';

/**
 * Every UI string, French first, one file per area in ./messages (an area adds its own file and
 * spreads it here). `{name}` placeholders are filled by `t(key, { name })`.
 */
const fr = {
  ...shell.fr,
  ...login.fr,
  ...dashboard.fr,
  ...campaigns.fr,
  ...results.fr,
  ...registry.fr,
  ...surveys.fr,
  ...users.fr,
  ...respond.fr,
  ...publication.fr,
  ...account.fr,
  ...solidarity.fr,
  ...review.fr,
  ...editor.fr,
  ...mail.fr,
  ...answerExports.fr,
  ...archive.fr,
  ...campaignArchive.fr,
  ...privacy.fr,
  ...identity.fr,
  ...screens.fr,
};

export type MessageKey = keyof typeof fr;
type Messages = Record<MessageKey, string>;

const en: Messages = {
  ...shell.en,
  ...login.en,
  ...dashboard.en,
  ...campaigns.en,
  ...results.en,
  ...registry.en,
  ...surveys.en,
  ...users.en,
  ...respond.en,
  ...publication.en,
  ...account.en,
  ...solidarity.en,
  ...review.en,
  ...editor.en,
  ...mail.en,
  ...answerExports.en,
  ...archive.en,
  ...campaignArchive.en,
  ...privacy.en,
  ...identity.en,
  ...screens.en,
};

export type Lang = 'fr' | 'en';
const dictionaries: Record<Lang, Messages> = { fr, en };
const STORAGE_KEY = 'panorama.lang';
const listeners = new Set<() => void>();

function initialLang(): Lang {
  try {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
    if (stored === 'fr' || stored === 'en') return stored;
  } catch {
    // Storage disabled (private mode): French by default.
  }
  return 'fr';
}

let current: Lang = initialLang();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // The choice then lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

/** French treats 0 and 1 as singular, English only 1. */
function isSingular(lang: Lang, n: number): boolean {
  return lang === 'fr' ? Math.abs(n) < 2 : n === 1;
}

/**
 * `{name}` is replaced by the value; `{name|singular|plural}` by the form matching that number
 * ("{n} {n|réponse|réponses}").
 */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = dictionaries[lang][key];
  return text.replace(
    /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one?: string, many?: string) => {
      if (!(name in vars)) return whole;
      if (one === undefined || many === undefined) return String(vars[name]);
      return isSingular(lang, Number(vars[name])) ? one : many;
    },
  );
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The current language and a bound `t`, re-rendering when the language changes. */
export function useI18n(): { lang: Lang; t: Translate } {
  const lang = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getLang);
  return { lang, t: (key, vars) => translate(lang, key, vars) };
}

const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(locales[lang], { timeZone: 'Europe/Paris', dateStyle: 'long' });
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locales[lang], {
    timeZone: 'Europe/Paris',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

export function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleTimeString(locales[lang], {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "66,67 %" in French, "66.67%" in English; "—" when unknown. */
export function formatRate(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  const text = rate.toLocaleString(locales[lang], { maximumFractionDigits: 1 });
  return lang === 'fr' ? `${text}\u00a0%` : `${text}%`;
}
