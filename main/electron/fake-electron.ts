import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, for the composition-root smoke test: the Electron binary
 * cannot run on our build machines (MACHINE.md). It records what main.ts asks of Electron and
 * lets the test drive IPC, the window and quitting. Only the members main.ts uses exist.
 */

type Listener = (...args: never[]) => unknown;

export interface FakeEvent {
  prevented: boolean;
  preventDefault(): void;
}

export const fakeEvent = (): FakeEvent => {
  const event = {
    prevented: false,
    preventDefault: () => {
      event.prevented = true;
    },
  };
  return event;
};

class FakeApp extends EventEmitter {
  readonly log: unknown[] = [];
  exited: number | null = null;
  readonly dock = { hide: () => this.log.push('dock.hide') };
  requestSingleInstanceLock = () => true;
  whenReady = () => Promise.resolve();
  getPath = (name: string) => `${process.env.VDM_HOME ?? '/tmp'}/${name}`;
  getAppPath = () => process.cwd();
  getVersion = () => '0.0.0';
  getLoginItemSettings = () => ({ openAtLogin: false, wasOpenedAtLogin: false });
  setLoginItemSettings = (settings: unknown) => this.log.push(['login', settings]);
  focus = () => undefined;
  quit = () => {
    const event = fakeEvent();
    this.emit('before-quit', event);
    this.log.push(event.prevented ? 'quit held' : 'quit');
    if (!event.prevented) this.exited = 0;
  };
  exit = (code: number) => {
    this.exited = code;
  };
}

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: [string, unknown][] = [];
  openHandler: ((details: { url: string }) => unknown) | null = null;
  setWindowOpenHandler = (handler: (details: { url: string }) => unknown) => {
    this.openHandler = handler;
  };
  isLoading = () => false;
  isDestroyed = () => false;
  send = (channel: string, payload: unknown) => this.sent.push([channel, payload]);
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  loaded: string | null = null;
  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadFile = async (file: string) => {
    this.loaded = file;
  };
  show = () => {
    this.visible = true;
  };
  hide = () => {
    this.visible = false;
  };
  focus = () => undefined;
  isMinimized = () => false;
  restore = () => undefined;
}

export class FakeTray {
  static current: FakeTray | null = null;
  menu: unknown = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    FakeTray.current = this;
  }
  setImage = () => undefined;
  setToolTip = () => undefined;
  setContextMenu = (menu: unknown) => {
    this.menu = menu;
  };
  destroy = () => {
    this.destroyed = true;
  };
}

let clipboardText = '';

export const fakeElectron = {
  app: new FakeApp(),
  ipcHandlers: new Map<string, Listener>(),
  ipcMain: {
    handle: (channel: string, listener: Listener) =>
      fakeElectron.ipcHandlers.set(channel, listener),
    removeHandler: (channel: string) => fakeElectron.ipcHandlers.delete(channel),
    on: () => undefined,
  },
  session: { defaultSession: { webRequest: { onHeadersReceived: () => undefined } } },
  dialogs: [] as unknown[],
  dialog: {
    showErrorBox: (title: string, content: string) => fakeElectron.dialogs.push([title, content]),
    showMessageBox: async (options: unknown) => {
      fakeElectron.dialogs.push(options);
      return { response: 0 };
    },
  },
  clipboard: {
    writeText: (text: string) => {
      clipboardText = text;
    },
    readText: () => clipboardText,
  },
  shell: { openExternal: async () => undefined },
  nativeImage: {
    createFromPath: (path: string) => ({ path, setTemplateImage: () => undefined }),
  },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
  Tray: FakeTray,
  BrowserWindow: FakeBrowserWindow,
};
