/** The console's start: its configuration, the person's sign-in (authorization code + PKCE), then the app. */
import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@cloudscape-design/components/i18n';
import { loadConfig } from './config';
import { ensureSignedIn, signInAgain, signOut, userManager, SIGNED_OUT_PATH } from './auth';
import { apiClient } from './api/client';
import { showError } from './errors';
import { App, SignedOut, StartFailure } from './App';
import { VI_MESSAGES } from './i18n';

const root = createRoot(document.getElementById('root')!);
const render = (node: React.ReactNode) =>
  root.render(
    <StrictMode>
      <I18nProvider locale="vi" messages={[VI_MESSAGES]}>
        {node}
      </I18nProvider>
    </StrictMode>,
  );

async function start(): Promise<void> {
  const config = await loadConfig();
  const um = userManager(config);
  if (window.location.pathname === SIGNED_OUT_PATH) {
    render(<SignedOut onSignIn={() => void um.signinRedirect({ state: { returnTo: '/' } })} />);
    return;
  }
  const user = await ensureSignedIn(um).catch((err: Error) => {
    // A refused or stale sign-in answer (the code expired, the page reloaded on /callback): say so, offer to sign in again.
    render(<StartFailure message={`Đăng nhập không thành công (${err.message}). Hãy đăng nhập lại.`} onRetry={() => void um.signinRedirect({ state: { returnTo: '/' } })} />);
    return null;
  });
  if (!user) return; // on the way to the sign-in page, or the failure is shown
  const api = apiClient(config.apiUrl, async () => (await um.getUser())?.access_token, () => void signInAgain(um));
  const me = await api.GET('/v1/me');
  if (!me.data) throw new Error(showError(me.response.status, me.error).summary);
  const name = typeof user.profile.name === 'string' && user.profile.name.trim() ? user.profile.name.trim() : me.data.username;
  render(<App session={{ api, me: me.data, displayName: name, signOut: () => signOut(um, config) }} />);
}

start().catch((err: Error) => render(<StartFailure message={err.message} />));
