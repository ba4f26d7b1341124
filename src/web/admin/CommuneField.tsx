import { useEffect, useId, useMemo, useState } from 'react';
import { get } from '../api.js';
import { useI18n } from '../i18n.js';
import type { CommuneItem, CommunesResponse } from '../../contract/communes.js';

const cache = new Map<string, CommuneItem>();

/**
 * The names of commune codes (GET /api/communes?codes=…), fetched once per code and kept for the
 * session: tables show "Lille" instead of 59350.
 */
export function useCommuneNames(codes: readonly (string | null | undefined)[]): Map<string, CommuneItem> {
  const wanted = useMemo(
    () => [...new Set(codes.filter((code): code is string => Boolean(code)))].sort(),
    [codes],
  );
  const key = wanted.join(',');
  const [, setLoaded] = useState(0);
  useEffect(() => {
    const missing = key ? key.split(',').filter((code) => !cache.has(code)) : [];
    if (missing.length === 0) return;
    let alive = true;
    // The route takes at most 500 codes per request.
    const batches: string[][] = [];
    for (let i = 0; i < missing.length; i += 500) batches.push(missing.slice(i, i + 500));
    void Promise.all(
      batches.map((batch) =>
        get<CommunesResponse>(`/api/communes?codes=${batch.join(',')}`).then((answer) => {
          for (const commune of answer.communes) cache.set(commune.code, commune);
        }),
      ),
    )
      .catch(() => undefined) // codes stay shown as they are
      .then(() => {
        if (alive) setLoaded((n) => n + 1);
      });
    return () => {
      alive = false;
    };
  }, [key]);
  return new Map(wanted.flatMap((code) => (cache.has(code) ? [[code, cache.get(code)!] as const] : [])));
}

/** "Lille" (or the code while the name loads, or when the code is unknown). */
export function CommuneName({ code, names }: { code: string | null; names: Map<string, CommuneItem> }) {
  if (!code) return <>—</>;
  const commune = names.get(code);
  return commune ? <span title={`${commune.name} (${commune.code})`}>{commune.name}</span> : <>{code}</>;
}

/**
 * Commune chosen by its name: a combobox (ARIA 1.2 pattern) that asks the server for at most ten
 * communes as the user types, each shown with its département to tell namesakes apart. The value
 * is the INSEE code.
 */
export function CommuneField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const names = useCommuneNames(useMemo(() => [value], [value]));
  const chosen = value ? names.get(value) : undefined;
  const [text, setText] = useState('');
  const [editing, setEditing] = useState(false);
  const [options, setOptions] = useState<CommuneItem[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const shown = editing ? text : chosen ? chosen.name : (value ?? '');

  useEffect(() => {
    if (!editing || text.trim().length < 2) {
      setOptions([]);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      get<CommunesResponse>(`/api/communes?q=${encodeURIComponent(text.trim())}&limit=10`)
        .then((answer) => {
          if (!alive) return;
          setOptions(answer.communes);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => undefined);
    }, 200);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [text, editing]);

  const pick = (commune: CommuneItem) => {
    cache.set(commune.code, commune);
    onChange(commune.code);
    setEditing(false);
    setOpen(false);
    setOptions([]);
  };
  const expanded = open && editing && text.trim().length >= 2;
  return (
    <div className="commune-field">
      <label htmlFor={`${id}-input`}>{t('commune.search')}</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded && active >= 0 ? `${id}-o${active}` : undefined}
        autoComplete="off"
        value={shown}
        onFocus={() => {
          if (!editing) setText(chosen ? chosen.name : (value ?? ''));
          setEditing(true);
        }}
        onChange={(e) => {
          setText(e.target.value);
          setEditing(true);
          if (e.target.value.trim() === '') onChange(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && options.length) {
            e.preventDefault();
            setOpen(true);
            setActive((i) => (i + 1) % options.length);
          } else if (e.key === 'ArrowUp' && options.length) {
            e.preventDefault();
            setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
          } else if (e.key === 'Enter' && expanded && active >= 0 && options[active]) {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        onBlur={() => {
          // A click on an option lands after the blur: let it pick first.
          setTimeout(() => {
            setOpen(false);
            setEditing(false);
          }, 150);
        }}
      />
      <p id={`${id}-hint`} className="muted small">
        {value
          ? chosen
            ? t('commune.chosen', { name: `${chosen.name}, ${chosen.departement.name}`, code: chosen.code })
            : t('commune.unknown', { code: value })
          : t('commune.hint')}
      </p>
      <ul id={`${id}-list`} role="listbox" className="commune-options" hidden={!expanded}>
        {options.map((commune, index) => (
          <li
            key={commune.code}
            id={`${id}-o${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(commune);
            }}
          >
            {commune.name}{' '}
            <span className="muted">
              — {commune.departement.name} ({commune.code})
            </span>
          </li>
        ))}
      </ul>
      {expanded && options.length === 0 && (
        <p className="muted small" role="status">
          {t('commune.none', { q: text.trim() })}
        </p>
      )}
    </div>
  );
}
