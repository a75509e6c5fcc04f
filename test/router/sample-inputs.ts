import { emptyCard } from '../../src-shared/cards/card';
import type { ChannelName, InputOf } from '../../src-shared/contracts';

const SAMPLE_CARD = { ...emptyCard(), basic: { ...emptyCard().basic, name: '样例权限测试有限公司' } };
const ANY_QUERY = { query: '', filters: {}, sort: { column: 'name', direction: 'asc' } } as const;
const IMPORT = { path: '/dev/null/kedang/cards.xlsx', duplicateMode: 'skip' } as const;

/**
 * One valid input per channel. Typed as a full map: a new channel without a
 * sample fails to compile, so the permission tests always cover every channel.
 */
export const SAMPLE_INPUTS: { [C in ChannelName]: InputOf<C> } = {
  'app.setLanguage': { language: 'zh' },
  'app.chooseFile': { purpose: 'backup', mode: 'save' },
  'app.print': { mode: 'dialog' },
  'setup.status': {},
  'setup.createArchive': {
    archiveName: '档案',
    adminUsername: 'second',
    adminDisplayName: '第二',
    adminPassword: 'Second-pass-123',
  },
  'auth.session': {},
  'auth.login': { username: 'nobody', password: 'nothing-1234' },
  'auth.logout': {},
  'auth.touch': {},
  'auth.changePassword': { currentPassword: 'wrong-current-1', newPassword: 'Whatever-pass-12' },
  'auth.recover': { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD', adminUsername: 'admin', newPassword: 'Whatever-pass-12' },
  'users.list': {},
  'users.create': {
    username: 'made.by.test',
    displayName: '测试',
    roles: ['rep'],
    temporaryPassword: 'Temporary-1234',
  },
  'users.update': { id: 999, displayName: '不存在', roles: ['rep'] },
  'users.setActive': { id: 999, active: false },
  'users.resetPassword': { id: 999, temporaryPassword: 'Temporary-1234' },
  'settings.get': {},
  'settings.update': { idleLockMinutes: 15 },
  'accessLog.query': { filter: {}, offset: 0, limit: 10 },
  'accessLog.verify': {},
  'accessLog.status': {},
  'accessLog.export': { path: '/dev/null/kedang/log.xlsx', filter: {} },
  'backup.status': {},
  'backup.create': { path: '/dev/null/kedang/backup.kedang' },
  'backup.restore': { path: '/dev/null/kedang/backup.kedang', confirm: true },
  'cards.search': { ...ANY_QUERY, offset: 0, limit: 10 },
  'cards.get': { id: 999 },
  'cards.reveal': { id: 999 },
  'cards.history': { id: 999 },
  'cards.versionAt': { id: 999, at: '2026-01-01T00:00:00Z' },
  'cards.findDuplicates': { name: '华信', creditCode: '', phone: '' },
  'cards.create': { content: SAMPLE_CARD, acceptDuplicates: true },
  'cards.update': { id: 999, expectedVersion: 1, content: SAMPLE_CARD },
  'cards.verifySection': { id: 999, expectedVersion: 1, section: 'basic' },
  'cards.restore': { id: 999, expectedVersion: 2, version: 1 },
  'cards.setArchived': { id: 999, expectedVersion: 1, archived: true },
  'cards.merge': { keepId: 998, keepVersion: 1, mergeId: 999, mergeVersion: 1 },
  'cards.reps': {},
  'cards.print': { ids: [999] },
  'cards.export': { ...ANY_QUERY },
  'cards.importTemplate': {},
  'cards.importPreview': IMPORT,
  'cards.importCommit': IMPORT,
  'cards.importRejections': IMPORT,
  'classification.dictionaries': {},
};
