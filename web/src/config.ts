/** What the console reads at start from `/config.json`: written by CDK in the cloud, served by the embedded office. */
export interface ConsoleConfig {
  /** Base URL of the API (its paths start with /v1). */
  apiUrl: string;
  /** The OpenID provider: Cognito's user pool in the cloud, the office itself embedded. */
  authority: string;
  /** The web app client's id. */
  clientId: string;
  /** Cognito managed login's logout endpoint; absent embedded. */
  logoutUrl?: string;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const r = await fetch('/config.json', { cache: 'no-store' });
  if (!r.ok) throw new Error(`Không đọc được cấu hình của trang điều hành (/config.json: ${r.status})`);
  const c = (await r.json()) as Partial<ConsoleConfig>;
  if (!c.apiUrl || !c.authority || !c.clientId) throw new Error('Cấu hình của trang điều hành thiếu apiUrl, authority hoặc clientId');
  return c as ConsoleConfig;
}
