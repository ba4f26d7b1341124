import { useEffect, useState } from 'react';
import { get } from './api.js';
import { useI18n, type MessageKey } from './i18n.js';
import type { Identity } from '../contract/identity.js';

/**
 * The footer of the respondent's pages: the federation's name and the accessibility mention RGAA
 * asks on every page, linking to the statement (src/server/public/accessibility.ts).
 */
export function SiteFooter() {
  const { t } = useI18n();
  const [identity, setIdentity] = useState<Identity>();
  useEffect(() => {
    get<{ identity: Identity }>('/api/public/identity')
      .then((r) => setIdentity(r.identity))
      .catch(() => undefined);
  }, []);
  const conformity = identity?.accessibility.conformity ?? 'none';
  return (
    <footer className="site-footer">
      {identity && <span>{identity.name}</span>}
      <a href="/public/accessibilite">{t(`footer.accessibility.${conformity}` as MessageKey)}</a>
      <a href="/public">{t('footer.publicSite')}</a>
    </footer>
  );
}
