import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The import fences of ARCHITECTURE.md are lint rules; this proves they bite. */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('ARCHITECTURE.md import fences', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'shared/x.ts',
      "import { loadConfig } from '../main/config/load-config.js';\nexport const x = loadConfig;\n",
    ],
    ['main/core/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/config/x.ts', "import { x as y } from '../../renderer/app.js';\nexport const x = y;\n"],
    [
      'main/electron/x.ts',
      "import { x as y } from '../../renderer/app.js';\nexport const x = y;\n",
    ],
    ['renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/x.ts', "import { createApp } from '../main/app.js';\nexport const x = createApp;\n"],
  ])('%s refuses %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['main/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['main/electron/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/x.ts', "import { ok } from '../shared/result.js';\nexport const x = ok;\n"],
  ])('%s allows %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
