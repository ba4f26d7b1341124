import { useI18n } from '../../i18n.js';
import { Link } from '../../router.js';
import { AuditLogPanel } from './AuditLog.js';
import { PersonPanel } from './PersonPanel.js';
import { RegisterPanel } from './RegisterPanel.js';

export type PrivacyTab = 'register' | 'person' | 'audit';
const TABS: { tab: PrivacyTab; to: string }[] = [
  { tab: 'register', to: '/donnees-personnelles' },
  { tab: 'person', to: '/donnees-personnelles/personne' },
  { tab: 'audit', to: '/donnees-personnelles/journal' },
];

/** Administrators' personal-data page: the register, a person's request, the audit log. */
export function PrivacyPage({ tab }: { tab: PrivacyTab }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.intro')}</p>
      <nav aria-label={t('privacy.tabs')} className="privacy-tabs">
        <ul>
          {TABS.map((item) => (
            <li key={item.tab}>
              <Link to={item.to} aria-current={item.tab === tab ? 'page' : undefined}>
                {t(`privacy.tab.${item.tab}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'register' && <RegisterPanel />}
      {tab === 'person' && <PersonPanel />}
      {tab === 'audit' && <AuditLogPanel />}
    </>
  );
}
