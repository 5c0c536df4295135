// Signed report links through the real express app: the file with its type and Thai name, tampered → 403,
// expired → 410 (both Thai pages), files deleted after the link lifetime, the same request → the same key.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportKey, REPORT_LINK_TTL_MS, signReportLink } from '../../src/domain/report-links.js';
import { createApp } from '../../src/http/app.js';
import { mountReportDownloads } from '../../src/http/report-download.js';
import { diskReportStore } from '../../src/reports/store.js';

const secret = 'test-secret';
const store = diskReportStore(mkdtempSync(path.join(tmpdir(), 'otop-store-')));
let clock = new Date('2026-12-02T03:00:00Z');
let base = '';
let close = () => {};

beforeAll(async () => {
  const app = createApp({
    channelSecret: 'x', receive: async () => {}, log: { info() {}, warn() {}, error() {} } as never,
    routes: (a) => mountReportDownloads(a, { secret, store, now: () => clock }),
  });
  const server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('report download links', () => {
  const request = { type: 'rt2', scope: { districtId: 2401 }, period: { fiscalYear: 2570, from: '2026-11', to: '2026-11' }, format: 'pdf' };
  const key = reportKey(request);
  const name = 'รต.2-เมืองฉะเชิงเทรา-2026-11.pdf';

  it('serves the file with its content type and Thai file name, and the same request gives the same key', async () => {
    expect(reportKey(JSON.parse(JSON.stringify(request)))).toBe(key);
    expect(reportKey({ ...request, format: 'xlsx' })).not.toBe(key);
    await store.put(key, Buffer.from('%PDF-1.7 test'));
    const res = await fetch(`${base}/reports/${signReportLink(secret, key, name, clock)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('%PDF-1.7 test');
  });

  it('refuses a tampered link with 403 and an expired one with 410, each with a Thai page', async () => {
    const token = signReportLink(secret, key, name, clock);
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ k: key, n: name, e: clock.getTime() + 10 * REPORT_LINK_TTL_MS })).toString('base64url');
    for (const bad of [`${forged}.${sig}`, `${payload}.${sig!.slice(0, -2)}AA`, 'garbage', signReportLink('other-secret', key, name, clock)]) {
      const res = await fetch(`${base}/reports/${bad}`);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('ลิงก์นี้ไม่ถูกต้อง');
    }
    clock = new Date(clock.getTime() + REPORT_LINK_TTL_MS);
    const res = await fetch(`${base}/reports/${token}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('ลิงก์หมดอายุแล้ว');
  });

  it('deletes files older than the link lifetime; a valid link to a deleted file says it expired', async () => {
    expect(await store.deleteOlderThan(new Date(Date.now() + REPORT_LINK_TTL_MS + 1000), REPORT_LINK_TTL_MS)).toBe(1);
    expect(await store.get(key)).toBeNull();
    const res = await fetch(`${base}/reports/${signReportLink(secret, key, name, clock)}`);
    expect(res.status).toBe(410);
  });
});
