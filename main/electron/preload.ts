import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

// Sandboxed preloads are CommonJS and may only require `electron`: esbuild bundles this file
// and the shared/ code it uses into dist/electron/preload.cjs (package.json "build:electron").
contextBridge.exposeInMainWorld('vdm', createBridge(ipcRenderer));
