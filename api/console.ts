/**
 * The consoles' static bundle (SPEC §6) at /console: built by `npm run build` (Vite) into dist/console.
 * Every path under /console answers the single page, which routes in the browser and talks to /v1.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** dist/console, from the TypeScript sources (api/) and from the compiled tree (dist/api/) alike. */
export const CONSOLE_DIR = path.resolve(
  __dirname,
  '..',
  path.extname(__filename) === '.ts' ? 'dist/console' : 'console',
);

const SECURITY_HEADERS = {
  // The bundle is all same-origin: no inline scripts, no third-party anything, never framed.
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const NOT_BUILT = `<!doctype html><html lang="ko"><meta charset="utf-8"><title>bizmsg 콘솔</title>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto;line-height:1.6">
<h1>콘솔이 아직 빌드되지 않았습니다</h1>
<p>프로젝트 폴더에서 <code>npm run build</code>를 실행한 뒤 이 페이지를 새로 고치세요.
개발 중에는 <code>npm run console:dev</code>가 변경을 감시하며 다시 빌드합니다.</p>
<p lang="en">The console is not built yet: run <code>npm run build</code>, then reload.</p></body></html>`;

export function consoleRoutes(dir = CONSOLE_DIR): Router {
  const router = Router();
  router.use('/console', (_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  router.use(
    '/console/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
  );
  router.get('/console{/*rest}', (_req, res) => {
    const index = path.join(dir, 'index.html');
    res.setHeader('Cache-Control', 'no-cache');
    if (!fs.existsSync(index)) return void res.status(503).type('html').send(NOT_BUILT);
    res.sendFile(index);
  });
  return router;
}
