import type { AppError } from '../../shared/domain/app-error.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { VdmApp } from '../app.js';

export interface Listening {
  readonly host: string;
  readonly port: number;
  readonly url: string;
}

function listenError(code: string, host: string, port: number): AppError {
  return {
    kind: 'conflict',
    message: `The proxy cannot listen on ${host}:${port} (${code}).`,
    fix:
      code === 'EADDRINUSE'
        ? `Port ${port} is in use: stop the other process, or choose another port (Settings, --port or PORT).`
        : code === 'EADDRNOTAVAIL'
          ? `${host} is not an address of this machine: use 127.0.0.1 (Settings, --host or HOST).`
          : 'Check the host and port in Settings, then start the proxy again.',
  };
}

/** The proxy's listening state: start and stop as often as the tray asks, one at a time. */
export function proxyListener(app: VdmApp, address: () => { host: string; port: number }) {
  let listening: Listening | undefined;
  let startError: string | undefined;
  return {
    listening: () => listening,
    startError: () => startError,
    async start(): Promise<Result<{ readonly url: string }, AppError>> {
      if (listening) return ok({ url: listening.url });
      const { host, port } = address();
      try {
        listening = await app.server.listen(port, host);
        startError = undefined;
        return ok({ url: listening.url });
      } catch (error) {
        const code = (error as { code?: string }).code ?? String(error);
        const problem = listenError(code, host, port);
        startError = `${problem.message} ${problem.fix}`;
        return err(problem);
      }
    },
    async stop(drainMs?: number): Promise<void> {
      if (!listening) return;
      listening = undefined;
      await app.server.close(drainMs);
    },
  };
}
