import type { KedangBridge } from '../src-shared/contracts';

declare global {
  interface Window {
    /** The only way out of the renderer: set by the preload (Electron) or the harness init script (tests). */
    readonly kedang: KedangBridge;
  }
}

export {};
