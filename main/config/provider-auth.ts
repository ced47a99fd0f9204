import { AUTH_MODES, type AuthMode, type ProviderName } from '../../shared/domain/provider.js';
import type { ConfigIssue, ValueSource } from './model.js';
import { parseChoice } from './parse-values.js';
import { invalidValue, type RawSection, type Sourced } from './raw-layer.js';

const SENTINELS: Readonly<Record<string, AuthMode>> = {
  '!PASSTHRU': 'passthrough',
  '!OAUTH': 'oauth',
};
const BUILT_IN_AUTH: ValueSource = { layer: 'built-in', where: 'built-in default' };

export interface ProviderAuth {
  readonly authMode: AuthMode;
  readonly authSource: ValueSource;
  readonly apiKeys: readonly string[];
  readonly keySource: ValueSource | undefined;
}

export interface AuthRead {
  readonly auth: ProviderAuth;
  readonly issues: readonly ConfigIssue[];
  readonly notices: readonly string[];
}

interface KeyList {
  readonly keys: readonly string[];
  readonly sentinel: AuthMode | undefined;
}

/** `api-key` is one key, several separated by whitespace (or a TOML array), or one sentinel alone. */
function splitKeys(entry: Sourced<unknown>, issues: ConfigIssue[]): KeyList {
  const raw = entry.value;
  const items = Array.isArray(raw) ? raw : [raw];
  if (!items.every((item): item is string => typeof item === 'string')) {
    issues.push(
      invalidValue(
        entry.source,
        'api-key',
        'must be a string of keys separated by spaces, or "!PASSTHRU" / "!OAUTH"',
      ),
    );
    return { keys: [], sentinel: undefined };
  }
  const tokens = items.flatMap((item) => item.split(/\s+/)).filter((t) => t !== '');
  const marked = tokens.filter((t) => t.startsWith('!'));
  const unknown = marked.filter((t) => !(t in SENTINELS));
  if (unknown.length > 0) {
    issues.push(
      invalidValue(
        entry.source,
        'api-key',
        `has unknown sentinel ${unknown.join(', ')} (expected !PASSTHRU or !OAUTH)`,
      ),
    );
    return { keys: [], sentinel: undefined };
  }
  if (marked.length > 0 && tokens.length > 1) {
    issues.push(
      invalidValue(
        entry.source,
        'api-key',
        `mixes the sentinel ${marked[0]} with other values; use either the sentinel alone or real keys`,
      ),
    );
    return { keys: [], sentinel: undefined };
  }
  const sentinel = marked[0] === undefined ? undefined : SENTINELS[marked[0]];
  return { keys: sentinel ? [] : tokens, sentinel };
}

function firstWith(sections: readonly RawSection[], key: string): Sourced<unknown> | undefined {
  for (const section of sections) {
    const found = section.scalars.get(key);
    if (found) return found;
  }
  return undefined;
}

function chosenMode(entry: Sourced<unknown>, issues: ConfigIssue[]): AuthMode {
  const parsed = parseChoice(entry.value, AUTH_MODES);
  if (parsed.ok) return parsed.value;
  issues.push(invalidValue(entry.source, 'auth-mode', parsed.error));
  return 'api_key';
}

/**
 * Keys and auth mode. Precedence (CONFIG.md): `{P}_AUTH_MODE`, then a sentinel in the winning
 * `api-key`, then a file's `auth-mode`; `api_key` by default.
 */
export function resolveAuth(
  name: ProviderName,
  envSection: RawSection | undefined,
  fileSections: readonly RawSection[],
): AuthRead {
  const issues: ConfigIssue[] = [];
  const notices: string[] = [];
  const sections = envSection ? [envSection, ...fileSections] : fileSections;
  const keyEntry = firstWith(sections, 'api-key');
  const keyList = keyEntry ? splitKeys(keyEntry, issues) : { keys: [], sentinel: undefined };
  const envMode = envSection?.scalars.get('auth-mode');
  const fileMode = firstWith(fileSections, 'auth-mode');
  let authMode: AuthMode = 'api_key';
  let authSource = BUILT_IN_AUTH;
  if (envMode) {
    authMode = chosenMode(envMode, issues);
    authSource = envMode.source;
  } else if (keyList.sentinel && keyEntry) {
    authMode = keyList.sentinel;
    authSource = keyEntry.source;
  } else if (fileMode) {
    authMode = chosenMode(fileMode, issues);
    authSource = fileMode.source;
  }
  if (authMode !== 'api_key' && keyList.keys.length > 0 && keyEntry) {
    notices.push(
      `${name}: the key in ${keyEntry.source.where} is not used because auth-mode is ${authMode} (from ${authSource.where})`,
    );
  }
  const apiKeys = authMode === 'api_key' ? keyList.keys : [];
  return { auth: { authMode, authSource, apiKeys, keySource: keyEntry?.source }, issues, notices };
}
