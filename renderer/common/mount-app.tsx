/** The start of every window role's page: its app, in its i18n instance, rendered into `#root`. */
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';

export function mountApp(role: string, instance: i18n, app: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error(`${role} main: #root missing from index.html`);
  createRoot(container).render(<I18nextProvider i18n={instance}>{app}</I18nextProvider>);
}
