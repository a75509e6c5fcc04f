import { describe, expect, it } from 'vitest';
import { createElectronHost, type DialogLike, type PrintableContents } from '../../src-main/electron/host';

interface FakeWindow {
  webContents: PrintableContents;
}

function fakeWindow(printSucceeds: boolean) {
  const calls: string[] = [];
  const window: FakeWindow = {
    webContents: {
      print(options, callback) {
        calls.push(`print silent=${options.silent}`);
        callback(printSucceeds, printSucceeds ? '' : 'cancelled');
      },
      async printToPDF(options) {
        calls.push(`pdf ${options.pageSize} css=${options.preferCSSPageSize}`);
        return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
      },
    },
  };
  return { window, calls };
}

const noDialogs: DialogLike<FakeWindow> = {
  showSaveDialog: async () => ({ canceled: true }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};

describe('the Electron host prints the calling window', () => {
  it('writes an A4 PDF of the print view to the chosen path', async () => {
    const { window, calls } = fakeWindow(true);
    const written: Array<[string, number]> = [];
    const host = createElectronHost(
      noDialogs,
      () => window,
      async (path, data) => {
        written.push([path, data.length]);
      },
    );
    expect(await host.print({ kind: 'pdf', path: '/tmp/card.pdf' })).toBe(true);
    expect(calls).toEqual(['pdf A4 css=true']);
    expect(written).toEqual([['/tmp/card.pdf', 4]]);
  });

  it('shows the system print dialog and reports a cancelled dialog as not printed', async () => {
    const { window, calls } = fakeWindow(false);
    const host = createElectronHost(
      noDialogs,
      () => window,
      async () => undefined,
    );
    expect(await host.print({ kind: 'dialog' })).toBe(false);
    expect(calls).toEqual(['print silent=false']);
  });

  it('prints nothing without a window', async () => {
    const host = createElectronHost<FakeWindow>(
      noDialogs,
      () => null,
      async () => undefined,
    );
    expect(await host.print({ kind: 'dialog' })).toBe(false);
  });
});
