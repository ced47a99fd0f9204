import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdminEvent } from '../../shared/admin/contract.js';
import { openAppSettings } from '../config/app-settings.js';
import { loadConfig } from '../config/load-config.js';
import { removeProjects, tempProject } from '../config/test-support/config-fixture.js';
import type { AdminContext } from './admin-context.js';
import { applyDocument, editSection, editSubTable, without } from './apply-change.js';

describe('applyDocument', () => {
  function context() {
    const p = tempProject();
    const settings = openAppSettings(path.join(p.root, 'vdm-home'));
    const events: AdminEvent[] = [];
    const ctx = {
      settings,
      reload: () =>
        loadConfig(p.sources({ appSettings: settings.read(), appSettingsPath: settings.path })),
      emit: (event: AdminEvent) => events.push(event),
    } as unknown as AdminContext;
    return { ctx, settings, events };
  }

  it('writes a change that loads, and tells the windows the config changed', () => {
    const { ctx, settings, events } = context();
    const next = editSection(settings.read(), 'fake', () => ({
      'auth-mode': 'api_key',
      'base-url': 'http://127.0.0.1:9/v1',
    }));
    const applied = applyDocument(ctx, next);
    expect(applied.ok && applied.value.providers.has('fake' as never)).toBe(true);
    expect(settings.read()).toEqual(next);
    expect(events).toEqual([{ kind: 'changed', what: 'config' }]);
    removeProjects();
  });

  it('puts the previous document back when the change would not load, and names the problem', () => {
    const { ctx, settings, events } = context();
    settings.writeDocument({ fake: { 'auth-mode': 'api_key' } });
    const broken = editSection(settings.read(), 'fake', (t) => ({ ...t, timeout: 'soon' }));
    const applied = applyDocument(ctx, broken);
    expect(applied.ok).toBe(false);
    if (!applied.ok) {
      expect(applied.error.kind).toBe('conflict');
      expect(applied.error.message).toContain('timeout');
      expect(applied.error.fix).toContain('Nothing was changed');
    }
    expect(settings.read()).toEqual({ fake: { 'auth-mode': 'api_key' } });
    expect(events).toEqual([]);
    removeProjects();
  });
});

describe('editing sections', () => {
  it('drops a sub-table that became empty, and a section edited to undefined', () => {
    const doc = { fake: { aliases: { haiku: 'x' }, 'auth-mode': 'api_key' } };
    const edited = editSection(doc, 'fake', (t) =>
      editSubTable(t, 'aliases', (aliases) => without(aliases, 'haiku')),
    );
    expect(edited).toEqual({ fake: { 'auth-mode': 'api_key' } });
    expect(editSection(edited, 'fake', () => undefined)).toEqual({});
    expect(doc.fake.aliases).toEqual({ haiku: 'x' });
  });
});
