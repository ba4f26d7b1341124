import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { ErrorBoundary } from './ErrorBoundary.js';
import { getLang, useI18n } from './i18n.js';
import { matchPath, useLocation } from './router.js';
import { SiteFooter } from './SiteFooter.js';

// Separate chunks: a respondent on a phone never downloads the admin pages (nor ECharts).
const AdminApp = lazy(() => import('./admin/AdminApp.js'));
const RespondApp = lazy(() => import('./respond/RespondApp.js'));
const PublicStart = lazy(() => import('./respond/PublicStart.js'));
const ResetPasswordPage = lazy(() => import('./admin/ResetPassword.js'));

function Loading() {
  const { t } = useI18n();
  return (
    <p className="page-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function Root() {
  const { path } = useLocation();
  const respond = matchPath('/r/:token', path);
  const publicLink = matchPath('/p/:publicToken', path);
  let page;
  if (respond) page = <RespondApp token={respond.token!} />;
  else if (publicLink) page = <PublicStart publicToken={publicLink.publicToken!} />;
  else if (path === '/reinitialiser') page = <ResetPasswordPage />;
  else page = <AdminApp />;
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>{page}</Suspense>
      {(respond || publicLink) && <SiteFooter />}
    </ErrorBoundary>
  );
}

document.documentElement.lang = getLang();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
