import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** The same policy as the page's own meta tag (renderer/index.html), sent as a header too. */
export const ADMIN_UI_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Where Vite put the built window: `dist/renderer` beside the bundle (`dist/vdm.mjs`), or, running
 * from source, two folders up from `main/admin/`.
 */
export function rendererDirCandidates(moduleUrl: string = import.meta.url): readonly string[] {
  const here = path.dirname(fileURLToPath(moduleUrl));
  return [path.join(here, 'renderer'), path.resolve(here, '..', '..', 'dist', 'renderer')];
}

export function findRendererDir(
  candidates: readonly string[] = rendererDirCandidates(),
): string | undefined {
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

/** `vdm serve` serves the built React window at `/`, so the same UI works in any browser. */
export function adminUiRoute(rendererDir: string | undefined): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('content-security-policy', ADMIN_UI_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  });
  if (!rendererDir) {
    router.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The admin UI is not built in this install. Run `npm run build`, then reload.\n');
    });
    return router;
  }
  router.use(express.static(rendererDir, { index: 'index.html', fallthrough: true, etag: false }));
  return router;
}
