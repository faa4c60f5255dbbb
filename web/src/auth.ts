/**
 * Sign-in: OAuth 2.0 authorization code with PKCE through oidc-client-ts, against Cognito's
 * managed login in the cloud and the office's own /oauth2 endpoints embedded (same code path).
 * Tokens live in sessionStorage (gone with the tab); the refresh token renews them.
 */
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ConsoleConfig } from './config';

export const CALLBACK_PATH = '/callback';
export const SIGNED_OUT_PATH = '/da-dang-xuat';

export function userManager(config: ConsoleConfig): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}${SIGNED_OUT_PATH}`,
    response_type: 'code',
    scope: 'openid',
    loadUserInfo: false,
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Where the person was going before signing in. */
interface ReturnState {
  returnTo: string;
}

/** Finishes a sign-in (on /callback) or starts one; undefined while the browser goes to the sign-in page. */
export async function ensureSignedIn(um: UserManager): Promise<User | undefined> {
  if (window.location.pathname === CALLBACK_PATH) {
    const user = await um.signinRedirectCallback();
    const to = (user.state as ReturnState | undefined)?.returnTo ?? '/';
    window.history.replaceState(null, '', to.startsWith('/') && !to.startsWith(CALLBACK_PATH) ? to : '/');
    return user;
  }
  const user = await um.getUser();
  if (user && !user.expired) return user;
  if (user?.refresh_token) {
    const renewed = await um.signinSilent().catch(() => null);
    if (renewed) return renewed;
  }
  await um.signinRedirect({ state: { returnTo: window.location.pathname + window.location.search } satisfies ReturnState });
  return undefined;
}

const AGAIN_KEY = 'daumoi:sign-in-again';

/**
 * The API refused the token (401): sign in again, back to this page. Not twice within a minute:
 * a token the API keeps refusing (a misconfigured client) would otherwise loop through sign-in.
 */
export async function signInAgain(um: UserManager): Promise<void> {
  const last = Number(window.sessionStorage.getItem(AGAIN_KEY) ?? 0);
  if (Date.now() - last < 60_000) return;
  window.sessionStorage.setItem(AGAIN_KEY, String(Date.now()));
  await um.removeUser();
  await um.signinRedirect({ state: { returnTo: window.location.pathname + window.location.search } satisfies ReturnState });
}

/** Signs out: forgets the tokens here, and at Cognito when it is the provider. */
export async function signOut(um: UserManager, config: ConsoleConfig): Promise<void> {
  await um.removeUser();
  if (config.logoutUrl) {
    const u = new URL(config.logoutUrl);
    u.searchParams.set('client_id', config.clientId);
    u.searchParams.set('logout_uri', `${window.location.origin}${SIGNED_OUT_PATH}`);
    window.location.assign(u.toString());
  } else {
    window.location.assign(SIGNED_OUT_PATH);
  }
}
