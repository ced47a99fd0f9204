import type { ConfigSnapshot, ProviderConfig } from '../config/model.js';

function describeAuth(p: ProviderConfig): string {
  switch (p.authMode) {
    case 'passthrough':
      return "client's key";
    case 'oauth':
      return '🔐 sign-in';
    case 'api_key':
      return p.apiKeys.length === 0
        ? 'no key needed'
        : `${p.apiKeys.length} key${p.apiKeys.length === 1 ? '' : 's'}`;
  }
}

/** What `vdm serve` prints under its address: where requests will go, and what needs attention. */
export function serveSummary(snapshot: ConfigSnapshot, url: string): string[] {
  const lines: string[] = [];
  const dp = snapshot.defaultProvider;
  const defaultName = dp.kind === 'none' ? undefined : dp.name;
  const providers = [...snapshot.providers.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (providers.length === 0) {
    lines.push('No provider configured yet: requests will be refused until you add one.');
    lines.push(
      '  Add one in the browser (link below), or in ./.env or ./vandamme-config.toml (picked up without a restart), e.g.',
    );
    lines.push(
      '  ANTHROPIC_API_KEY=sk-ant-...; or export a {PROVIDER}_API_KEY variable and restart.',
    );
  } else {
    lines.push('Providers:');
    for (const p of providers) {
      const mark = p.name === defaultName ? '*' : ' ';
      const state = p.status.kind === 'ready' ? 'ready' : `partial: ${p.status.reason}`;
      lines.push(
        `  ${mark} ${p.name.padEnd(14)} ${p.apiFormat.padEnd(9)} ${describeAuth(p).padEnd(14)} ${state}`,
      );
    }
    if (dp.kind !== 'configured') lines.push(`  note: ${dp.reason}`);
  }
  lines.push('');
  lines.push('Point Claude Code at it:');
  lines.push(`  export ANTHROPIC_BASE_URL=${url}`);
  return lines;
}
