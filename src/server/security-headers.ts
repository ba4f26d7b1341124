import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * Content-Security-Policy of every answer. No inline script anywhere (not even an event-handler
 * attribute): a questionnaire's HTML that slipped through sanitising could not run. Inline styles
 * stay allowed: SurveyJS, ECharts' SVG and the server-rendered pages set style attributes.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/** Powerful browser features Panorama never uses, switched off for every page. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), ' +
  'payment=(), usb=(), interest-cohort=()';

/**
 * Helmet's headers with Panorama's policy. HSTS only when BASE_URL is https: sent over plain
 * http it would be ignored, and on a local http install it could lock a browser out of it.
 * Personal links carry their token in the URL (/r/<token>): no Referer may leak it. API answers
 * are personal data: never cached by a browser or a proxy.
 */
export async function installSecurityHeaders(app: FastifyInstance, baseUrl: string): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: baseUrl.startsWith('https:')
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'sameorigin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    }
  });
}
