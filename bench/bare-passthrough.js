// @ts-check
// Floor reference for the benchmark: node:http + undici, no validation, routing, keys, metrics or logs.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { Agent, request } from 'undici';
const upstream = process.env.FAKE_BASE_URL;
const agent = new Agent({ connections: 128 });
const server = createServer({ noDelay: true }, (req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const headers = { 'content-type': 'application/json', 'x-api-key': process.env.FAKE_API_KEY };
      for (const h of ['x-bench-chunks', 'x-bench-interval-ms', 'anthropic-version'])
        if (req.headers[h]) headers[h] = req.headers[h];
      const up = await request(`${upstream}${req.url}`, {
        method: 'POST',
        headers,
        body: Buffer.concat(chunks),
        dispatcher: agent,
      });
      res.writeHead(up.statusCode, { 'content-type': up.headers['content-type'] });
      up.body.on('data', (c) => res.write(c));
      up.body.on('end', () => res.end());
    } catch {
      res.destroy();
    }
  });
});
const portArg = process.argv.indexOf('--port');
server.listen(portArg > 0 ? Number(process.argv[portArg + 1]) : 0, '127.0.0.1', () =>
  console.log(`listening on http://127.0.0.1:${server.address().port}`),
);
