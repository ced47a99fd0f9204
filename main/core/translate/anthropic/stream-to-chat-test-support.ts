import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedChat {
  readonly baseURL: string;
  close(): Promise<void>;
}

/**
 * Serves one fixed answer as `POST /v1/chat/completions` on 127.0.0.1, so the real `openai` SDK
 * can read what the translators produce, the way a client would.
 */
export async function serveChat(contentType: string, body: string): Promise<ServedChat> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': contentType }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
