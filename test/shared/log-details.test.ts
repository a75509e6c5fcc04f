import { describe, expect, it } from 'vitest';
import { describeLogDetail, logDetail, withLogDetail } from '../../src-shared/log-details';

describe('access-log details', () => {
  it('are stored as codes and read in the reader’s language, role codes as role names', () => {
    const stored = logDetail(
      ['roles', { roles: 'custodian,auditor' }],
      ['dutyOverlap', { duties: 'custodian+auditor' }],
    );
    expect(stored).not.toMatch(/[\u4e00-\u9fff]/);
    expect(describeLogDetail(stored, 'zh')).toBe(
      '角色：档案管理员、审计员；经明确确认，兼任分立职责：档案管理员、审计员',
    );
    expect(describeLogDetail(stored, 'en')).toBe(
      'roles: custodian, auditor; explicit decision: combines separate duties custodian, auditor',
    );
  });

  it('keep numbers as numbers and add parts to an existing detail', () => {
    const stored = withLogDetail(logDetail(['idleLockMinutes', { from: 10, to: 20 }]), ['recordedWhileLocked']);
    expect(describeLogDetail(stored, 'zh')).toBe('空闲锁定分钟数：10 → 20；档案库锁定期间记录，解锁后写入');
  });

  it('show plain text, unknown codes and empty details as they are', () => {
    expect(describeLogDetail(null, 'zh')).toBeNull();
    expect(describeLogDetail('written as text', 'zh')).toBe('written as text');
    expect(describeLogDetail('[["noSuchCode"]]', 'en')).toBe('[["noSuchCode"]]');
    expect(describeLogDetail('[broken', 'en')).toBe('[broken');
  });
});
