import { assertNever } from '../../../shared/assert-never.js';
import { MAX_ALIAS_HOPS } from './alias-chain.js';
import type { RoutingError } from './model.js';

function unknownProvider(error: Extract<RoutingError, { kind: 'unknown-provider' }>): string {
  const known = error.known.length > 0 ? error.known.join(', ') : 'none';
  const head = `Unknown provider "${error.prefix}" in model "${error.model}". Configured providers: ${known}.`;
  // A literal (`!p:name`) cannot be rescued by an alias, so suggesting one would mislead.
  if (error.model.startsWith('!')) {
    const example =
      error.known[0] === undefined
        ? ''
        : ` (for example "!${error.known[0]}:${error.model.slice(1)}")`;
    return `${head} Use !provider:model with one of them${example}.`;
  }
  return `${head} Use provider:model with one of them, or define an alias named "${error.model}".`;
}

/** A message for people: what went wrong and how to fix it. Sent to clients and printed by the CLI. */
export function describeRoutingError(error: RoutingError): string {
  switch (error.kind) {
    case 'no-provider':
      return (
        'No provider is configured. Set a {PROVIDER}_API_KEY variable such as OPENAI_API_KEY ' +
        '(or ANTHROPIC_API_KEY), or add a provider to vandamme-config.toml, then retry.'
      );
    case 'unknown-provider':
      return unknownProvider(error);
    case 'alias-cycle':
      return (
        `Aliases form a cycle: ${error.cycle.join(' -> ')}. ` +
        'Change one of these alias targets so the chain ends at a real model name.'
      );
    case 'too-many-hops':
      return (
        `Alias chain longer than ${MAX_ALIAS_HOPS} hops: ${error.chain.join(' -> ')}. ` +
        'Point an alias closer to the final model name.'
      );
    case 'empty-model':
      return (
        'The model name is empty (nothing, or nothing after "provider:"). ' +
        'Send a model such as "sonnet", "openai:gpt-4o" or "!provider:exact-model-id".'
      );
    default:
      return assertNever(error);
  }
}
