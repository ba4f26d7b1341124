import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import {
  HOUSEHOLD_TYPES,
  ITEM_CATEGORIES,
  ITEM_SOURCES,
  SUPPORT_TYPES,
  type HouseholdType,
  type ItemCategory,
  type ItemSource,
  type SupportType,
} from '../../../solidarity/domain.js';
import type { HouseholdsAnswer } from '../../types.js';
import { ErrorBox, Notice, useApi } from '../common.js';

const today = () => new Date().toISOString().slice(0, 10);
const FIT = { maxWidth: '100%', minWidth: 0 } as const;

/** One recording form: its title, fields, submit button, error and confirmation. */
function RecordForm(props: {
  title: string;
  submit: string;
  onSubmit: () => Promise<string>;
  children: ReactNode;
}) {
  const id = useId();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function send(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    setDone(undefined);
    setBusy(true);
    try {
      setDone(await props.onSubmit());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="panel form" aria-labelledby={`${id}-t`} onSubmit={(event) => void send(event)}>
      <h3 id={`${id}-t`}>{props.title}</h3>
      <div className="grid-2">{props.children}</div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {props.submit}
        </button>
      </div>
      <ErrorBox error={error} />
      {done && <Notice kind="success">{done}</Notice>}
    </form>
  );
}

interface Target {
  structureId: string;
  programmeId: string;
  onSaved: () => void;
}

export function HouseholdForm({ structureId, programmeId, onSaved }: Target) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [type, setType] = useState<HouseholdType>('senior');
  const [children, setChildren] = useState('');
  const [contact, setContact] = useState('');
  return (
    <RecordForm
      title={t('sol.addHousehold')}
      submit={t('sol.addHousehold')}
      onSubmit={async () => {
        await post(`/api/solidarity/programmes/${encodeURIComponent(programmeId)}/households`, {
          households: [
            {
              structureId,
              code,
              type,
              targeted: true,
              identifiedOn: today(),
              children: children === '' ? null : Number(children),
              contact: contact || null,
            },
          ],
        });
        const saved = t('sol.householdSaved', { code });
        setCode('');
        setContact('');
        onSaved();
        return saved;
      }}
    >
      <label>
        {t('sol.householdCode')}
        <input
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          pattern="[A-Za-z0-9_\-]{1,40}"
        />
      </label>
      <label>
        {t('sol.householdType')}
        <select style={FIT} value={type} onChange={(e) => setType(e.target.value as HouseholdType)}>
          {HOUSEHOLD_TYPES.map((h) => (
            <option key={h} value={h}>
              {t(`sol.type.${h}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sol.children')}
        <input
          type="number"
          min={0}
          max={20}
          value={children}
          onChange={(e) => setChildren(e.target.value)}
        />
      </label>
      <label>
        {t('sol.contact')}
        <input value={contact} onChange={(e) => setContact(e.target.value)} autoComplete="off" />
      </label>
    </RecordForm>
  );
}

export function ItemForm({ structureId, programmeId, onSaved }: Target) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [category, setCategory] = useState<ItemCategory>('tablette');
  const [model, setModel] = useState('');
  const [source, setSource] = useState<ItemSource>('don');
  const [partner, setPartner] = useState('');
  const [receivedOn, setReceivedOn] = useState(today());
  return (
    <RecordForm
      title={t('sol.addItem')}
      submit={t('sol.addItem')}
      onSubmit={async () => {
        await post(`/api/solidarity/programmes/${encodeURIComponent(programmeId)}/items`, {
          items: [{ structureId, code, category, model, source, partner: partner || null, receivedOn }],
        });
        const saved = t('sol.itemSaved', { code });
        setCode('');
        onSaved();
        return saved;
      }}
    >
      <label>
        {t('sol.code')}
        <input
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          pattern="[A-Za-z0-9_\-]{1,40}"
        />
      </label>
      <label>
        {t('sol.category')}
        <select style={FIT} value={category} onChange={(e) => setCategory(e.target.value as ItemCategory)}>
          {ITEM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`sol.cat.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sol.model')}
        <input value={model} onChange={(e) => setModel(e.target.value)} />
      </label>
      <label>
        {t('sol.source')}
        <select style={FIT} value={source} onChange={(e) => setSource(e.target.value as ItemSource)}>
          {ITEM_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`sol.source.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sol.partner')}
        <input value={partner} onChange={(e) => setPartner(e.target.value)} />
      </label>
      <label>
        {t('sol.receivedOn')}
        <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
      </label>
    </RecordForm>
  );
}

export function SupportForm({ structureId, programmeId, onSaved }: Target) {
  const { t } = useI18n();
  const households = useApi<HouseholdsAnswer>(
    `/api/solidarity/programmes/${encodeURIComponent(programmeId)}/households?structureId=${encodeURIComponent(structureId)}`,
  );
  const [householdId, setHouseholdId] = useState('');
  const [type, setType] = useState<SupportType>('visite_domicile');
  const [date, setDate] = useState(today());
  const [minutes, setMinutes] = useState('');
  const list = households.data?.households ?? [];
  if (households.data && list.length === 0) return <p>{t('sol.noHousehold')}</p>;
  return (
    <RecordForm
      title={t('sol.addSupport')}
      submit={t('sol.addSupport')}
      onSubmit={async () => {
        await post('/api/solidarity/support', {
          householdId: householdId || list[0]?.id,
          type,
          date,
          minutes: minutes === '' ? null : Number(minutes),
        });
        onSaved();
        return t('sol.supportSaved');
      }}
    >
      <label>
        {t('sol.household')}
        <select style={FIT} value={householdId} onChange={(e) => setHouseholdId(e.target.value)}>
          {list.map((h) => (
            <option key={h.id} value={h.id}>
              {`${h.code} — ${t(`sol.type.${h.type as HouseholdType}`)}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sol.supportType')}
        <select style={FIT} value={type} onChange={(e) => setType(e.target.value as SupportType)}>
          {SUPPORT_TYPES.map((s) => (
            <option key={s} value={s}>
              {t(`sol.support.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sol.date')}
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {t('sol.minutes')}
        <input
          type="number"
          min={0}
          max={1440}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </label>
    </RecordForm>
  );
}
