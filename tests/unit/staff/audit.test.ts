import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/open-database';
import { createAuditLog } from '../../../electron/host/staff/audit-log';
import { auditCsv, auditReason, auditTarget } from '../../../renderer/staff/audit-text';
import type { AuditEntry } from '../../../shared/staff-contract';
import { zhCN } from '../../support/i18n';

const who = (name: string) => ({ accountId: `acc-${name}`, name, role: 'staff' as const });

describe('audit search', () => {
  it('filters by who, what and when, pages newest first, and counts what matches', () => {
    let now = Date.UTC(2026, 11, 1, 2);
    const audit = createAuditLog(openDatabase(':memory:'), () => now);
    for (let i = 0; i < 30; i++) {
      now += 3_600_000;
      audit.record({ who: who(i % 3 === 0 ? '王主任' : '李工'), action: i % 2 ? 'signup.reveal' : 'posting.hide' });
    }
    const all = audit.search({ limit: 10, offset: 0 });
    expect(all.total).toBe(30);
    expect(all.entries.map((e) => e.id)).toEqual([...all.entries.map((e) => e.id)].sort((a, b) => b - a));
    const page2 = audit.search({ limit: 10, offset: 10 });
    expect(page2.entries[0]!.id).toBe(all.entries[9]!.id - 1);
    expect(audit.search({ limit: 100, offset: 0, who: '王主任' }).total).toBe(10);
    expect(audit.search({ limit: 100, offset: 0, action: 'signup.reveal' }).total).toBe(15);
    const from = Date.UTC(2026, 11, 1, 12);
    const window = audit.search({ limit: 100, offset: 0, from, to: from + 5 * 3_600_000 });
    expect(window.total).toBe(5);
    expect(window.entries.every((e) => e.at >= from && e.at < from + 5 * 3_600_000)).toBe(true);
    expect(audit.names()).toEqual(['李工', '王主任']);
  });
});

describe('audit entries in staff words', () => {
  const names = { screens: new Map([['1', '大厅主屏']]), kiosks: new Map([['kiosk-0a1b2c3d', '入口一体机']]) };
  const entry = (action: string, target: string | null, detail: Record<string, unknown>): AuditEntry => ({
    id: 1,
    at: 0,
    accountName: '王主任',
    action,
    target,
    detail,
    source: null,
  });

  it('names targets as staff see them, never by id', async () => {
    const t = await zhCN();
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(auditTarget(t, entry('signup.reveal', id, { number: 'A-0004', reason: '回访' }), names)).toBe('登记 A-0004');
    expect(auditTarget(t, entry('posting.hide', 'p-1', { title: '叉车司机' }), names)).toBe('叉车司机');
    expect(auditTarget(t, entry('screen.reload', '1', { pages: 1 }), names)).toBe('大厅主屏');
    expect(auditTarget(t, entry('device.revoke', 'kiosk-0a1b2c3d', {}), names)).toBe('入口一体机');
    expect(auditTarget(t, entry('device.revoke', 'kiosk-99999999', {}), names)).toBe('已配对的设备');
    expect(auditTarget(t, entry('signup.export', null, { rows: 12 }), names)).toBe('12 行');
    expect(auditReason(entry('signup.reveal', id, { number: 'A-0004', reason: '回访' }))).toBe('回访');
    expect(auditReason(entry('posting.hide', 'p-1', {}))).toBe('');
  });

  it('exports CSV that Excel opens in Chinese, quoting what needs it', () => {
    expect(auditCsv(['时间', '原因'], [['12/2 08:00', '说 "马上", 回访']])).toBe(
      '\uFEFF时间,原因\r\n12/2 08:00,"说 ""马上"", 回访"\r\n',
    );
  });
});
