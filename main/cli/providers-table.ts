import { assertNever } from '../../shared/assert-never.js';
import type { KeyStatus } from '../../shared/domain/key-status.js';
import type { OAuthStatus } from '../../shared/domain/oauth-status.js';
import type { ConfigSnapshot } from '../config/model.js';
import { describeRoutingError } from '../core/routing/describe-routing-error.js';
import type { LiveHealth } from './providers-live-health.js';
import {
  providersReport,
  type ProvidersReport,
  type ReportedProvider,
  type SignInLookup,
} from './providers-report.js';

/** Terminal columns a string takes: emoji such as 🔐 take two, which plain `padEnd` gets wrong. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x1f000 ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function remaining(until: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  return `${Math.round(seconds / 3600)}h`;
}

function statusText(status: KeyStatus | undefined, now: number): string {
  if (status === undefined) return '?';
  switch (status.kind) {
    case 'healthy':
      return 'ok';
    case 'invalid':
      return `invalid (${status.httpStatus})`;
    case 'cooling-down':
      return `cooling down (${remaining(status.until, now)} left)`;
    case 'probing':
      return 'probing';
    case 'quota-exhausted':
      return `quota exhausted (${remaining(status.until, now)} left)`;
    default:
      return assertNever(status);
  }
}

function signInText(status: OAuthStatus | undefined, now: number): string {
  if (!status) return 'sign-in';
  switch (status.kind) {
    case 'signed-in':
      return `signed in${status.account ? ` as ${status.account}` : ''} (token ${remaining(status.expiresAt, now)} left)`;
    case 'expired':
      return 'sign-in expired';
    case 'signed-out':
      return 'signed out';
    default:
      return assertNever(status);
  }
}

function keysCell(p: ReportedProvider, now: number): string {
  switch (p.keys.kind) {
    case 'keys':
      return `${p.keys.keys.length} (${p.keys.keys.map((k) => `#${k.hash}`).join(', ')})`;
    case 'passthrough':
      return 'passthrough';
    case 'oauth':
      return signInText(p.keys.signIn, now);
    case 'none':
      return p.status === 'ready' ? 'none needed' : 'none';
    default:
      return assertNever(p.keys);
  }
}

function healthCell(p: ReportedProvider, now: number): string {
  if (p.keys.kind !== 'keys') return '-';
  return p.keys.keys.map((k) => statusText(k.status, now)).join(', ');
}

function row(p: ReportedProvider, live: number | undefined, now: number): string[] {
  const name = `${p.name}${p.isDefault ? ' *' : ''}${p.authMode === 'oauth' ? ' 🔐' : ''}`;
  const cells = [
    p.status === 'ready' ? '✓' : '!',
    name,
    p.format,
    p.baseUrl ?? '(none)',
    keysCell(p, now),
  ];
  return live === undefined ? cells : [...cells, healthCell(p, live)];
}

function footer(report: ProvidersReport): string[] {
  const lines = report.providers.flatMap((p) =>
    p.status === 'partial' ? [`! ${p.name}: ${p.reason ?? 'incomplete'}`] : [],
  );
  const dp = report.defaultProvider;
  if (dp.kind === 'configured')
    lines.push(`* default provider: ${dp.name} (from ${dp.source.where})`);
  else if (dp.kind === 'fallback') lines.push(`* default provider: ${dp.name} (${dp.reason})`);
  else lines.push(`No default provider: ${dp.reason}`);
  if (report.providers.some((p) => p.authMode === 'oauth'))
    lines.push('🔐 signs in with OAuth: vdm oauth login <provider>');
  const h = report.health;
  if (h.kind === 'running') lines.push(`health: live from the proxy at ${h.url}`);
  else if (h.kind === 'unreadable')
    lines.push(`health: something answered at ${h.url}, but not a vdm proxy (${h.reason})`);
  else lines.push(`health: not running (nothing answered at ${h.url})`);
  return lines;
}

/** The `vdm providers` table, from config and (when a proxy runs) its live key health. Shows key hashes, never keys. */
export function renderProvidersTable(
  snapshot: ConfigSnapshot,
  liveHealth?: LiveHealth,
  signIn?: SignInLookup,
  now: number = Date.now(),
): string {
  const report = providersReport(snapshot, liveHealth, signIn);
  if (report.providers.length === 0) {
    return `No providers configured.\n${describeRoutingError({ kind: 'no-provider' })}`;
  }
  const live = report.health.kind === 'running' ? report.health.checkedAt : undefined;
  const header = [
    '',
    'NAME',
    'FORMAT',
    'BASE URL',
    'KEYS',
    ...(live === undefined ? [] : ['HEALTH']),
  ];
  const body = report.providers.map((p) => row(p, live, now));
  return [...table([header, ...body]), '', ...footer(report)].join('\n');
}
