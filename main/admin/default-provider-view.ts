import type { DefaultProviderView } from '../../shared/admin/views.js';
import type { ConfigSnapshot } from '../config/model.js';

export function defaultProviderView(snapshot: ConfigSnapshot): DefaultProviderView {
  const choice = snapshot.defaultProvider;
  switch (choice.kind) {
    case 'configured':
      return { kind: choice.kind, name: choice.name, reason: null };
    case 'fallback':
      return { kind: choice.kind, name: choice.name, reason: choice.reason };
    case 'none':
      return { kind: choice.kind, name: null, reason: choice.reason };
  }
}
