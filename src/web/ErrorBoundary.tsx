import { Component, type ReactNode } from 'react';
import { translate, getLang } from './i18n.js';

/**
 * Last resort for render errors and failed lazy chunks (typically after an upgrade, when an open
 * tab asks for a chunk that no longer exists): say so and offer a reload instead of a blank page.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const lang = getLang();
    return (
      <main id="main" className="content">
        <div className="notice notice-error" role="alert">
          <p>{translate(lang, 'app.crashed')}</p>
          <p className="small muted">{error.message}</p>
        </div>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {translate(lang, 'app.reload')}
        </button>
      </main>
    );
  }
}
