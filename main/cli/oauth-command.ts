import type { Command } from 'commander';
import { toProviderName } from '../../shared/domain/provider.js';
import { assertNever } from '../../shared/assert-never.js';
import { systemClock } from '../core/clock.js';
import { createSignIn } from '../runtime/create-sign-in.js';
import { SUBSCRIPTION_TERMS_NOTICE } from '../admin/sign-in-port.js';
import { cliConfig } from './cli-config-sources.js';

/** The terminal's sign-in: the same engine and the same keychain entries as the window's. */
async function openSignIn() {
  const { base, secrets } = await cliConfig(undefined);
  return createSignIn({
    secrets,
    clock: systemClock,
    env: base.env,
    homeDir: base.homeDir,
    changed: () => undefined,
  });
}

function fail(message: string, fix: string): void {
  console.error(`${message}\n  ${fix}`);
  process.exitCode = 1;
}

async function login(name: string, options: { device?: boolean; import?: string }): Promise<void> {
  const provider = toProviderName(name);
  const { service } = await openSignIn();
  if (options.import !== undefined) {
    if (options.import !== 'codex' && options.import !== 'vandamme') {
      return fail(
        `--import must be codex or vandamme (got "${options.import}").`,
        'Example: vdm oauth login chatgpt --import codex',
      );
    }
    const imported = await service.importLogin(provider, options.import);
    if (!imported.ok) return fail(imported.error.message, imported.error.fix);
    console.log(
      `Imported: signed in to ${provider}${imported.value.account ? ` as ${imported.value.account}` : ''}.`,
    );
    return;
  }
  console.log(SUBSCRIPTION_TERMS_NOTICE);
  const started = await service.signIn(provider, options.device ? 'device' : 'browser');
  if (!started.ok) return fail(started.error.message, started.error.fix);
  const view = started.value;
  switch (view.kind) {
    case 'browser':
      console.log(
        `Open this link in your browser to sign in (waiting up to 10 minutes):\n  ${view.authorizeUrl}`,
      );
      break;
    case 'device':
      console.log(
        `On any device, open ${view.verificationUriComplete ?? view.verificationUri}\nand enter the code: ${view.userCode}`,
      );
      break;
    default:
      assertNever(view);
  }
  const result = await service.waitForSignIn(provider);
  if (result.status.kind === 'signed-in') {
    console.log(
      `Signed in to ${provider}${result.account ? ` as ${result.account}` : ''}. Tokens are in ${result.store}.`,
    );
  } else
    fail(
      `Sign-in did not complete: ${result.lastError ?? 'no answer'}.`,
      'Run the command again; add --device on a machine without a browser.',
    );
}

async function status(name: string): Promise<void> {
  const provider = toProviderName(name);
  const { service } = await openSignIn();
  const health = service.health(provider);
  switch (health.status.kind) {
    case 'signed-in': {
      const minutes = Math.round((health.status.expiresAt - Date.now()) / 60_000);
      console.log(
        `🔐 ${provider}: signed in${health.account ? ` as ${health.account}` : ''}; token expires in ${minutes} min (refreshed automatically).`,
      );
      return;
    }
    case 'expired':
      return fail(
        `🔐 ${provider}: sign-in expired${health.lastError ? ` (${health.lastError})` : ''}.`,
        `Sign in again: vdm oauth login ${provider}`,
      );
    case 'signed-out':
      return fail(
        `🔐 ${provider}: signed out.`,
        `Sign in: vdm oauth login ${provider} (or --device on a remote machine)`,
      );
    default:
      assertNever(health.status);
  }
}

async function logout(name: string): Promise<void> {
  const provider = toProviderName(name);
  const { service } = await openSignIn();
  const out = await service.signOut(provider);
  if (!out.ok) return fail(out.error.message, out.error.fix);
  console.log(`Signed out of ${provider}; its tokens were removed from the keychain.`);
}

export function registerOAuthCommand(program: Command): void {
  const oauth = program
    .command('oauth')
    .description('Sign in to subscription providers (ChatGPT) from the terminal');
  oauth
    .command('login <provider>')
    .description('Sign in in the browser (or with a device code), tokens go to the OS keychain')
    .option('--device', 'use a device code: for remote and headless machines')
    .option(
      '--import <source>',
      'copy an existing login instead: codex (~/.codex/auth.json) or vandamme',
    )
    .action((provider: string, options: { device?: boolean; import?: string }) =>
      login(provider, options),
    );
  oauth
    .command('status <provider>')
    .description('Show the sign-in state; exits 1 when signed out or expired')
    .action((provider: string) => status(provider));
  oauth
    .command('logout <provider>')
    .description('Remove the sign-in tokens from the keychain')
    .action((provider: string) => logout(provider));
}
