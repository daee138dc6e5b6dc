'use strict';
// A registry of our own tarballs on 127.0.0.1, so the tests install miniweave the way users
// do (`npm install miniweave`, npm choosing the platform package) without the public registry.

const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { execFileSync } = require('child_process');

/** The manifest inside a tarball. */
function manifestOf(tarball) {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

/** Serves every tarball given; resolves with `{ url, close() }`. A later tarball of the same
 * package and version replaces an earlier one. */
function startRegistry(tarballs) {
  const byName = new Map();
  const files = new Map();
  for (const tarball of tarballs) {
    const manifest = manifestOf(tarball);
    const bytes = fs.readFileSync(tarball);
    const file = path.basename(tarball);
    files.set(file, bytes);
    const versions = byName.get(manifest.name) ?? {};
    versions[manifest.version] = {
      ...manifest,
      dist: { file, integrity: `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}` },
    };
    byName.set(manifest.name, versions);
  }
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    const base = `http://${req.headers.host}`;
    if (url.startsWith('/-/tarballs/') && files.has(url.slice('/-/tarballs/'.length))) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(files.get(url.slice('/-/tarballs/'.length)));
    }
    const versions = byName.get(url.slice(1));
    if (!versions) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end('{"error":"not found"}');
    }
    const packument = {
      name: url.slice(1),
      'dist-tags': { latest: Object.keys(versions).at(-1) },
      versions: Object.fromEntries(
        Object.entries(versions).map(([v, m]) => [
          v,
          { ...m, dist: { tarball: `${base}/-/tarballs/${m.dist.file}`, integrity: m.dist.integrity } },
        ])
      ),
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(packument));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

module.exports = { startRegistry, manifestOf };
