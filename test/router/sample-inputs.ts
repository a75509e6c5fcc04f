import type { ChannelName, InputOf } from '../../src-shared/contracts';

/**
 * One valid input per channel. Typed as a full map: a new channel without a
 * sample fails to compile, so the permission tests always cover every channel.
 */
export const SAMPLE_INPUTS: { [C in ChannelName]: InputOf<C> } = {
  'app.setLanguage': { language: 'zh' },
  'app.chooseFile': { purpose: 'backup', mode: 'save' },
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
};
