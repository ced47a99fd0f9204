/**
 * Hosts the window may open in the system browser: docs and the providers' consoles and sign-in
 * pages. Exact host names, no wildcards: a look-alike subdomain is refused.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'github.com',
  'docs.anthropic.com',
  'docs.claude.com',
  'console.anthropic.com',
  'platform.openai.com',
  'auth.openai.com',
  'chatgpt.com',
  'openrouter.ai',
  'aistudio.google.com',
  'console.cloud.google.com',
  'portal.azure.com',
  'console.aws.amazon.com',
  'poe.com',
  'platform.deepseek.com',
  'console.groq.com',
  'z.ai',
  'platform.moonshot.ai',
  'ollama.com',
  'lmstudio.ai',
]);

export type ExternalUrlRefusal =
  | { readonly kind: 'not-a-url' }
  | { readonly kind: 'not-https'; readonly protocol: string }
  | { readonly kind: 'credentials-in-url' }
  | { readonly kind: 'host-not-allowed'; readonly host: string };

export type ExternalUrlCheck =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly refusal: ExternalUrlRefusal };

/** https only (no file:, javascript:, custom schemes that launch other apps), allow-listed host. */
export function checkExternalUrl(
  text: string,
  allowedHosts: ReadonlySet<string> = EXTERNAL_HOSTS,
): ExternalUrlCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, refusal: { kind: 'not-a-url' } };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, refusal: { kind: 'not-https', protocol: url.protocol } };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, refusal: { kind: 'credentials-in-url' } };
  }
  // `host` keeps a non-default port, so https://github.com:8443 is refused too.
  if (!allowedHosts.has(url.host)) {
    return { ok: false, refusal: { kind: 'host-not-allowed', host: url.host } };
  }
  return { ok: true, url: url.href };
}

/**
 * Opens an allow-listed URL with the injected opener (`shell.openExternal` in the app), the way
 * Fiddle's `safelyOpenWebURL` does; anything else is refused and reported, never opened.
 */
export async function safeOpenExternal(
  text: string,
  open: (url: string) => Promise<void>,
  allowedHosts: ReadonlySet<string> = EXTERNAL_HOSTS,
): Promise<ExternalUrlCheck> {
  const checked = checkExternalUrl(text, allowedHosts);
  if (checked.ok) await open(checked.url);
  return checked;
}
