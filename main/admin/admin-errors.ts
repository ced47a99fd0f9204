import type { AppError } from '../../shared/domain/app-error.js';
import type { ValueSource } from '../config/model.js';

export function providerNotFound(name: string, known: readonly string[]): AppError {
  return {
    kind: 'not-found',
    message: `There is no provider "${name}".`,
    fix:
      known.length > 0
        ? `Pick one of: ${known.join(', ')}; or add "${name}" on the Providers page.`
        : `Add "${name}" on the Providers page first.`,
  };
}

function describeSource(source: ValueSource): string {
  switch (source.layer) {
    case 'env':
      return `the environment variable ${source.where}`;
    case 'dotenv':
      return `${source.where} in the .env file`;
    default:
      return source.where;
  }
}

/** A value set outside the window would keep winning over what the window writes: say where it is. */
export function ownedElsewhere(what: string, source: ValueSource): AppError {
  return {
    kind: 'read-only',
    message: `${what} is set by ${describeSource(source)}, which takes precedence over the window.`,
    fix: `Change or remove it there (${source.where}); the window picks the change up by itself.`,
  };
}
