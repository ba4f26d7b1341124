import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, get, post, setCsrfToken, setUnauthorizedHandler } from '../api.js';
import { useI18n } from '../i18n.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { Link, matchPath, navigate, useLocation } from '../router.js';
import type { SessionAnswer, User } from '../types.js';
import { ErrorBox, Loading } from './common.js';
import { CampaignDetailPage } from './CampaignDetail.js';
import { CampaignNewPage } from './CampaignNew.js';
import { CampaignsPage } from './Campaigns.js';
import { DashboardPage } from './Dashboard.js';
import { LoginPage } from './Login.js';
import { RegistryPage } from './Registry.js';
import { ResultsPage } from './Results.js';
import { permissions, SessionContext, type Session } from './session.js';
import { SurveysPage } from './Surveys.js';
import { UsersPage } from './Users.js';
import { AccountPage } from './Account.js';
import { SolidarityPage } from './solidarity/SolidarityPage.js';
import { ReviewListPage } from './review/ReviewList.js';
import { ReviewResponsePage } from './review/ReviewResponse.js';
import { CampaignArchiveImportPage } from './campaign-archive/ImportPage.js';
import { PrivacyPage } from './privacy/PrivacyPage.js';
import IdentityPage from './identity/IdentityPage.js';

function Page({ user }: { user: User }) {
  const { path } = useLocation();
  const { t } = useI18n();
  let m: Record<string, string> | null;
  // A temporary password must be replaced before anything else (the server refuses the rest).
  if (user.mustChangePassword || path === '/mon-compte') return <AccountPage />;
  // A structure's staff has one page: its structure's digital solidarity.
  if (user.role === 'structure') return <SolidarityPage />;
  if (path === '/' || path === '/tableau-de-bord' || path === '/connexion') return <DashboardPage />;
  if (path === '/referentiel') return <RegistryPage />;
  if (path === '/questionnaires') return <SurveysPage />;
  if (path === '/campagnes') return <CampaignsPage />;
  if (path === '/campagnes/nouvelle' && permissions.createCampaign(user.role)) return <CampaignNewPage />;
  if (path === '/campagnes/importer' && user.role === 'admin') return <CampaignArchiveImportPage />;
  if ((m = matchPath('/campagnes/:id/resultats', path))) return <ResultsPage campaignId={m.id!} />;
  if ((m = matchPath('/campagnes/:id/verification', path))) return <ReviewListPage campaignId={m.id!} />;
  if ((m = matchPath('/campagnes/:id/verification/:structureId', path)))
    return <ReviewResponsePage campaignId={m.id!} structureId={m.structureId!} />;
  if ((m = matchPath('/campagnes/:id', path))) return <CampaignDetailPage campaignId={m.id!} />;
  if (path === '/utilisateurs' && permissions.manageUsers(user.role)) return <UsersPage />;
  if (path === '/solidarite') return <SolidarityPage />;
  if (path === '/donnees-personnelles' && user.role === 'admin') return <PrivacyPage tab="register" />;
  if (path === '/donnees-personnelles/personne' && user.role === 'admin') return <PrivacyPage tab="person" />;
  if (path === '/donnees-personnelles/journal' && user.role === 'admin') return <PrivacyPage tab="audit" />;
  if (path === '/identite' && permissions.manageUsers(user.role)) return <IdentityPage />;
  return <p>{t('nav.notFound')}</p>;
}

function Layout({ session }: { session: Session }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const { user } = session;
  const network = user.role !== 'structure';
  const items: { to: string; label: string; show: boolean }[] = [
    { to: '/', label: t('nav.dashboard'), show: network },
    { to: '/referentiel', label: t('nav.registry'), show: network },
    { to: '/questionnaires', label: t('nav.surveys'), show: network },
    { to: '/campagnes', label: t('nav.campaigns'), show: network },
    { to: '/utilisateurs', label: t('nav.users'), show: permissions.manageUsers(user.role) },
    { to: '/solidarite', label: t('nav.solidarity'), show: true },
    { to: '/donnees-personnelles', label: t('nav.privacy'), show: user.role === 'admin' },
    { to: '/identite', label: t('nav.identity'), show: permissions.manageUsers(user.role) },
  ];
  const active = (to: string) =>
    to === '/' ? path === '/' || path === '/tableau-de-bord' : path.startsWith(to);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.name')}
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="mainnav">
          <ul>
            {items
              .filter((item) => item.show)
              .map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={active(item.to) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="topbar-user">
          <span className="user-name">
            {user.name}
            {/* The first account is named after its role: "Administrateur (Administrateur)" said twice. */}
            {user.name !== t(`role.${user.role}`) && (
              <span className="muted"> ({t(`role.${user.role}`)})</span>
            )}
          </span>
          <Link to="/mon-compte" aria-current={path === '/mon-compte' ? 'page' : undefined}>
            {t('account.nav')}
          </Link>
          <LanguageSwitch />
          <button type="button" className="link-button" onClick={() => void session.logout()}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Page user={user} />
      </main>
    </>
  );
}

export default function AdminApp() {
  const [user, setUser] = useState<User | null>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    get<SessionAnswer>('/api/auth/me')
      .then((me) => {
        setCsrfToken(me.csrfToken);
        setUser(me.user);
        if (me.user.mustChangePassword) navigate('/mon-compte', { replace: true });
      })
      .catch((caught: unknown) => {
        if (caught instanceof ApiError && caught.status === 401) setUser(null);
        else setError(caught instanceof ApiError ? caught : new ApiError(0, 'client', String(caught)));
      });
  }, []);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(undefined);
      setUser(null);
    });
    return () => setUnauthorizedHandler(undefined);
  }, []);
  const onLogin = useCallback((logged: User, csrfToken: string) => {
    setCsrfToken(csrfToken);
    setUser(logged);
    // A temporary password: straight to Mon compte, where it is replaced.
    if (logged.mustChangePassword) navigate('/mon-compte', { replace: true });
    else if (window.location.pathname === '/connexion') navigate('/', { replace: true });
  }, []);
  const session = useMemo<Session | undefined>(
    () =>
      user
        ? {
            user,
            logout: async () => {
              try {
                await post('/api/auth/logout');
              } finally {
                setCsrfToken(undefined);
                setUser(null);
                navigate('/connexion', { replace: true });
              }
            },
            renew: (renewed: User, csrfToken: string) => {
              setCsrfToken(csrfToken);
              setUser(renewed);
            },
          }
        : undefined,
    [user],
  );
  if (error) return <ErrorBox error={error} />;
  if (user === undefined) return <Loading />;
  if (!session) return <LoginPage onLogin={onLogin} />;
  return (
    <SessionContext.Provider value={session}>
      <Layout session={session} />
    </SessionContext.Provider>
  );
}
