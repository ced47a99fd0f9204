import { createContext, useContext } from 'react';
import type { AdminClient } from '../../../shared/admin/admin-client.js';

export const AdminContext = createContext<AdminClient | null>(null);

export function useAdmin(): AdminClient {
  const client = useContext(AdminContext);
  if (client === null) throw new Error('useAdmin needs an <AdminContext.Provider> above it');
  return client;
}
